// Loads the gateway's API reference (/docs/) in headless Chromium, performs one "Try it out" call
// (GET /beak/system/status) and checks the answer Swagger UI renders.
//   node browser-test.mjs <base-url> <user-data-dir>
import { chromium } from "playwright-core";

const base = process.argv[2];
const userDataDir = process.argv[3];
const timeout = 30_000;

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
context.setDefaultTimeout(timeout);
const failures = [];
try {
  const page = await context.newPage();
  // Nothing may come from anywhere but the gateway (no CDN, no validator).
  const origin = new URL(base).origin;
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) {
      failures.push(`requested ${url}`);
    }
  });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));

  await page.goto(`${base}/docs/`);
  await page.getByText("Space Duck API", { exact: false }).first().waitFor();

  const operation = page.locator("#operations-Platform-getSystemStatus");
  await operation.locator(".opblock-summary").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  const answered = page.waitForResponse(
    (response) => response.url() === `${base}/beak/system/status` && response.request().method() === "GET",
  );
  await operation.getByRole("button", { name: "Execute" }).click();
  const response = await answered;
  if (response.status() !== 200) {
    failures.push(`GET /beak/system/status answered ${response.status()}`);
  }
  const rendered = operation.locator(".live-responses-table tr.response .response-col_status").first();
  await rendered.waitFor();
  const status = (await rendered.innerText()).trim();
  if (status !== "200") {
    failures.push(`Swagger UI shows status '${status}', not 200`);
  }
  const body = await operation.locator(".live-responses-table").first().innerText();
  if (!/"status":\s*"(operational|degraded|outage)"/.test(body)) {
    failures.push(`Swagger UI shows no system status: ${body.slice(0, 200)}`);
  }
} catch (error) {
  failures.push(String(error));
} finally {
  await context.close();
}
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log("ok   /docs/: Try it out on GET /beak/system/status rendered 200 and the status");
