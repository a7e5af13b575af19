// Uses the TypeScript client generated from the gateway's /openapi.json (typescript-fetch)
// against the running platform: sign up, sign in, read the profile and the status, and get a
// refusal as a typed problem. Proves the document is good enough to generate the portal's SDKs.
//   node client-test.js <base-url>
import { Configuration, ProblemFromJSON, ResponseError, SpaceDuckApi } from "./client/index.js";

// Node's globals, without a dependency on @types/node for two of them.
declare const process: { argv: string[]; exit(code: number): never };

const base = process.argv[2];
const failures: string[] = [];
function check(what: string, expected: unknown, actual: unknown): void {
  if (expected === actual) {
    console.log(`ok   ${what}`);
  } else {
    failures.push(`${what}: expected '${String(expected)}', got '${String(actual)}'`);
  }
}

const email = `client-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const password = "Correct-Horse-Battery-42";
const anonymous = new SpaceDuckApi(new Configuration({ basePath: base }));

const created = await anonymous.postSignup({
  signupRequest: { email, password, displayName: "Client Duck" },
});
check("generated client: sign-up answers the new duckling", email, created.email);
check("generated client: a new duckling is T0", "T0", created.trustTier);

const session = await anonymous.postSignin({ signinRequest: { email, password } });
const token = session.sdToken ?? "";
check("generated client: sign-in answers an sd_token (a JWT)", 3, token.split(".").length);

const signedIn = new SpaceDuckApi(new Configuration({ basePath: base, accessToken: token }));
const me = await signedIn.getMe();
check("generated client: GET /beak/me is the caller's profile", email, me.email);
check("generated client: the profile's id is the sign-up's", created.ducklingId, me.ducklingId);

const status = await anonymous.getSystemStatus();
check(
  "generated client: the system status is one of the documented values",
  true,
  ["operational", "degraded", "outage"].includes(status.status),
);

try {
  await anonymous.postSignin({ signinRequest: { email, password: "wrong-password-1" } });
  failures.push("generated client: a wrong password was accepted");
} catch (error) {
  if (!(error instanceof ResponseError)) {
    throw error;
  }
  const problem = ProblemFromJSON(await error.response.json());
  check("generated client: a wrong password is a 401 problem", 401, error.response.status);
  check("generated client: the problem carries its code", "E4001", problem.code);
  check(
    "generated client: the problem carries the request id",
    error.response.headers.get("X-Request-Id"),
    problem.requestId,
  );
}

if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
