package com.spaceduck.cert.status;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.Published;
import com.spaceduck.cert.support.Revocations;
import com.spaceduck.cert.verifier.Credential;
import com.spaceduck.cert.verifier.CredentialVerifier;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class StatusListTest {

  @Test
  void revokingFlipsTheBitOnTheNextFetchAndChangesTheEtag() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    CredentialVerifier verifier = Published.verifier();
    Credential credential = verifier.read(Published.credential(certId));
    String path = path(credential);

    Response before = given().get(path);
    assertEquals(200, before.statusCode());
    assertEquals("application/vc+jwt", before.contentType());
    assertEquals("public, max-age=60", before.header("Cache-Control"));
    String etag = before.header("ETag");
    assertTrue(etag.startsWith("W/\""), etag);
    assertFalse(
        verifier.readStatusList(before.asString()).bits().isSet(credential.statusListIndex()));

    Response unchanged = given().header("If-None-Match", etag).get(path);
    assertEquals(304, unchanged.statusCode());
    assertEquals(etag, unchanged.header("ETag"));
    assertEquals("", unchanged.asString());

    Revocations.revoke(duckling, certId);

    Response after = given().header("If-None-Match", etag).get(path);
    assertEquals(200, after.statusCode(), "the old tag no longer matches");
    assertNotEquals(etag, after.header("ETag"));
    assertTrue(
        verifier.readStatusList(after.asString()).bits().isSet(credential.statusListIndex()));
  }

  @Test
  void listIsASignedW3cBitstringStatusListOfAtLeast131072Entries() {
    Credential credential =
        Published.verifier().read(Published.credential(CertRows.issued().insert()));
    String list = given().get(path(credential)).asString();
    CredentialVerifier.StatusList read = Published.verifier().readStatusList(list);
    assertEquals(credential.statusListCredential(), read.id());
    assertTrue(read.bits().size() >= 131_072, "size " + read.bits().size());
    var claims = Published.claims(list);
    assertEquals(
        List.of("VerifiableCredential", "BitstringStatusListCredential"), claims.get("type"));
    assertEquals("vc+jwt", Published.header(list).get("typ"));
  }

  @Test
  void unknownOrMalformedListIs404() {
    for (String id : new String[] {"999999", "0", "-1", "abc", "1e3", "9999999999"}) {
      assertProblem(given().get("/beak/cert/status/" + id).then(), 404, "not_found");
    }
  }

  @Test
  void indexesAreRandomAndUniqueWithinAList() {
    List<Integer> indexes = new ArrayList<>();
    String list = null;
    for (int i = 0; i < 24; i++) {
      Credential credential =
          Published.verifier().read(Published.credential(CertRows.issued().insert()));
      if (list == null) {
        list = credential.statusListCredential();
      }
      if (list.equals(credential.statusListCredential())) {
        indexes.add(credential.statusListIndex());
      }
    }
    assertEquals(indexes.size(), new HashSet<>(indexes).size(), "unique: " + indexes);
    List<Integer> sorted = new ArrayList<>(indexes);
    sorted.sort(null);
    // In issuance order they are not sorted, and they are spread over the list (each draw is one
    // of 131,072; these fail by chance with a probability far below 1e-15).
    assertNotEquals(sorted, indexes, "issuance order shows: " + indexes);
    assertTrue(sorted.get(sorted.size() - 1) - sorted.get(0) > 10_000, "spread: " + indexes);
  }

  @Test
  void theDatabaseRefusesASecondCertificateOnTheSameBit() {
    UUID first = CertRows.issued().insert();
    Credential credential = Published.verifier().read(Published.credential(first));
    UUID second = CertRows.issued().insert();
    String list = credential.statusListCredential();
    int listId = Integer.parseInt(list.substring(list.lastIndexOf('/') + 1));
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection db = PostgresTestDatabase.connect();
                  PreparedStatement update =
                      db.prepareStatement(
                          "update certificates set status_list = ?, status_index = ?"
                              + " where cert_id = ?")) {
                update.setInt(1, listId);
                update.setInt(2, credential.statusListIndex());
                update.setObject(3, second);
                update.executeUpdate();
              }
            });
    assertEquals("23505", refused.getSQLState(), "unique violation");
  }

  @Test
  void aListThatHadItsShareOpensTheNext() {
    Credential before = Published.verifier().read(Published.credential(CertRows.issued().insert()));
    int listId = id(before);
    CertRows.update("update status_lists set assigned = 65536 where list_id = ?", listId);
    Credential after = Published.verifier().read(Published.credential(CertRows.issued().insert()));
    assertEquals(listId + 1, id(after));
    assertEquals(200, given().get(path(before)).statusCode(), "the full list is still served");
  }

  private static int id(Credential credential) {
    String list = credential.statusListCredential();
    return Integer.parseInt(list.substring(list.lastIndexOf('/') + 1));
  }

  private static String path(Credential credential) {
    String list = credential.statusListCredential();
    return list.substring(list.indexOf("/beak/"));
  }
}
