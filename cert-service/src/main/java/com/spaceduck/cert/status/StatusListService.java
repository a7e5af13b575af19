package com.spaceduck.cert.status;

import com.spaceduck.cert.CertConfig;
import com.spaceduck.cert.PublicLinks;
import com.spaceduck.cert.credential.CredentialKeys;
import com.spaceduck.cert.verifier.BitstringStatusList;
import com.spaceduck.cert.verifier.CredentialFormat;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwt.JwtClaims;

/**
 * Status list credentials (W3C Bitstring Status List, revocation). The bits are read from the
 * certificates on every fetch, so a revocation shows on the next one; a list is signed again only
 * when its bits changed since this instance last signed it.
 */
@ApplicationScoped
public class StatusListService {

  private final StatusListRepository lists;
  private final CredentialKeys keys;
  private final PublicLinks links;
  private final Clock clock;
  private final long ttlMillis;
  private final Map<Integer, SignedStatusList> signed = new ConcurrentHashMap<>();

  public StatusListService(
      StatusListRepository lists,
      CredentialKeys keys,
      PublicLinks links,
      Clock clock,
      CertConfig config) {
    this.lists = lists;
    this.keys = keys;
    this.links = links;
    this.clock = clock;
    this.ttlMillis = config.statusLists().maxAge().toMillis();
    CertConfig.StatusLists settings = config.statusLists();
    if (settings.size() % 8 != 0) {
      throw new ConfigurationException(
          "spaceduck.cert.status-lists.size must be a multiple of 8, was " + settings.size());
    }
    if (settings.maxAssigned() > settings.size()) {
      throw new ConfigurationException(
          "spaceduck.cert.status-lists.max-assigned must not exceed spaceduck.cert.status-lists.size");
    }
  }

  /** The list's signed credential; 404 {@code not_found} for a list that does not exist. */
  public Uni<SignedStatusList> statusList(String listId) {
    int id = parse(listId);
    if (id <= 0) {
      return Uni.createFrom().failure(notFound());
    }
    return lists
        .read(id)
        .map(
            bits -> {
              if (bits == null) {
                throw notFound();
              }
              String encoded = BitstringStatusList.of(bits.size(), bits.revoked()).encode();
              String etag = etag(encoded);
              SignedStatusList current = signed.get(id);
              if (current != null && current.etag().equals(etag)) {
                return current;
              }
              SignedStatusList fresh = new SignedStatusList(etag, sign(id, encoded));
              signed.put(id, fresh);
              return fresh;
            });
  }

  private String sign(int listId, String encodedList) {
    String url = links.statusList(listId);
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", url + "#list");
    subject.put("type", CredentialFormat.STATUS_LIST_SUBJECT_TYPE);
    subject.put(CredentialFormat.STATUS_PURPOSE, CredentialFormat.REVOCATION);
    subject.put(CredentialFormat.ENCODED_LIST, encodedList);
    subject.put("ttl", ttlMillis);
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(links.issuer());
    claims.setClaim("@context", List.of("https://www.w3.org/ns/credentials/v2"));
    claims.setClaim("id", url);
    claims.setClaim("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
    claims.setClaim("issuer", links.issuer());
    claims.setClaim("validFrom", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    claims.setClaim(CredentialFormat.CREDENTIAL_SUBJECT, subject);
    return keys.sign(claims.toJson(), CredentialFormat.STATUS_LIST_TYPE);
  }

  /** Weak: two instances sign the same bits with different (randomised) ECDSA signatures. */
  private String etag(String encodedList) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(keys.signingKeyId().getBytes(StandardCharsets.US_ASCII));
      byte[] digest = sha.digest(encodedList.getBytes(StandardCharsets.US_ASCII));
      return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A positive list id in plain digits, or -1. */
  private static int parse(String listId) {
    if (listId == null || listId.isEmpty() || listId.length() > 9) {
      return -1;
    }
    for (int i = 0; i < listId.length(); i++) {
      if (listId.charAt(i) < '0' || listId.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(listId);
  }

  private static ProblemException notFound() {
    return new ProblemException(ErrorKind.NOT_FOUND, "No status list has this id.");
  }
}
