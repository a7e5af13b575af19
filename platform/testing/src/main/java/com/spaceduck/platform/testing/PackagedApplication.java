package com.spaceduck.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a packaged application under test ({@code @QuarkusIntegrationTest}, {@code prod} profile)
 * needs beyond its database: the test-only keys of its module's {@code
 * src/test/resources/test-keys} by absolute path (the jar holds no test resources; only the keys
 * the module has are set), and its management interface on the port the build reserved ({@code
 * quarkus.management.test-port}, which the {@code prod} profile does not read).
 */
public class PackagedApplication implements QuarkusTestResourceLifecycleManager {

  private static final Path KEYS = Path.of("src", "test", "resources", "test-keys");

  private static final Map<String, String> LOCATIONS =
      Map.of(
          "smallrye.jwt.sign.key.location", "test-only-private.pem",
          "mp.jwt.verify.publickey.location", "test-only-public.pem",
          "spaceduck.gateway.jwt.public-key-location", "test-only-public.pem",
          "spaceduck.cert.credentials.signing-key-location", "credential-signing-test-only.pem",
          "spaceduck.cert.credentials.public-key-location", "credential-signing-test-only.pub.pem");

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    String managementPort = System.getProperty("quarkus.management.test-port");
    if (managementPort != null) {
      config.put("quarkus.management.port", managementPort);
    }
    LOCATIONS.forEach(
        (property, file) -> {
          Path key = KEYS.resolve(file).toAbsolutePath();
          if (Files.isRegularFile(key)) {
            config.put(property, key.toString());
          }
        });
    return config;
  }

  @Override
  public void stop() {}
}
