package com.spaceduck.cert.verifier;

import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * Names shared by the signer (cert-service) and every verifier: the JWS header values and claim
 * names of certificate credentials and status list credentials.
 */
public final class CredentialFormat {

  /** The only signature algorithm issued and accepted. */
  public static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

  /** {@code typ} of a certificate credential, so no other JWT can pass for one. */
  public static final String CREDENTIAL_TYPE = "sdcert+jwt";

  /** {@code typ} of a status list credential (W3C VC secured with JOSE). */
  public static final String STATUS_LIST_TYPE = "vc+jwt";

  /** Longest compact credential read; a genuine one is well under 1 KiB. */
  public static final int MAX_CREDENTIAL_LENGTH = 4096;

  public static final String CERT_ID = "cert_id";
  public static final String DISPLAY_NAME = "display_name";
  public static final String TRUST_TIER = "trust_tier";
  public static final String ISSUED_AT = "issued_at";
  public static final String EXPIRES_AT = "expires_at";

  /** A W3C {@code BitstringStatusListEntry}, with the W3C member names below. */
  public static final String CREDENTIAL_STATUS = "credential_status";

  public static final String STATUS_ENTRY_TYPE = "BitstringStatusListEntry";
  public static final String STATUS_PURPOSE = "statusPurpose";
  public static final String REVOCATION = "revocation";
  public static final String STATUS_LIST_INDEX = "statusListIndex";
  public static final String STATUS_LIST_CREDENTIAL = "statusListCredential";

  /** Members of a status list credential (W3C VC data model 2.0). */
  public static final String CREDENTIAL_SUBJECT = "credentialSubject";

  public static final String ENCODED_LIST = "encodedList";
  public static final String STATUS_LIST_SUBJECT_TYPE = "BitstringStatusList";

  private CredentialFormat() {}
}
