package com.spaceduck.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.PackagedApplication;
import com.spaceduck.platform.testing.PackagedConventionsContract;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged identity-service keeps the HTTP conventions and serves its main flow: sign up, sign
 * in, read one's profile, verify one's email.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(PackagedApplication.class)
class PackagedIT extends PackagedConventionsContract {

  PackagedIT() {
    super(ProblemFamily.SPACE_DUCK);
  }

  @Test
  void aDucklingSignsUpSignsInAndVerifiesItsEmail() {
    TestDuckling duckling = TestDucklings.create();
    duckling
        .as()
        .get("/beak/me")
        .then()
        .statusCode(200)
        .body("duckling_id", equalTo(duckling.id()))
        .body("email", equalTo(duckling.email()))
        .body("trust_tier", equalTo("T0"));
    TestDucklings.verifyEmail(duckling);
    duckling.as().get("/beak/me").then().statusCode(200).body("email_verified", equalTo(true));
  }

  /**
   * BouncyCastle's jar is signed on Maven Central; the package carries it without its signature
   * files (application.properties, "Packaging"), and no other jar is signed.
   */
  @Test
  void noJarInThePackageIsSigned() throws IOException {
    Path lib = Path.of("target/quarkus-app/lib");
    List<String> jars = new ArrayList<>();
    List<String> signatures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(lib)) {
      for (Path path : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
        jars.add(path.getFileName().toString());
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
              .forEach(name -> signatures.add(path.getFileName() + "!/" + name));
        }
      }
    }
    assertTrue(jars.stream().anyMatch(name -> name.contains("bcprov")), "BouncyCastle is packaged");
    assertEquals(List.of(), signatures);
  }
}
