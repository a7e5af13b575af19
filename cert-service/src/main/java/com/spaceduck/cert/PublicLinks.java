package com.spaceduck.cert;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The public URLs this service puts into credentials and QR codes, on the configured host. */
@ApplicationScoped
public class PublicLinks {

  private final String base;

  public PublicLinks(CertConfig config) {
    this.base = "https://" + config.publicHost() + "/beak/cert";
  }

  /** The credentials' issuer: {@code https://<host>/beak/cert}. */
  public String issuer() {
    return base;
  }

  /** The public verify link a QR code carries. */
  public String verify(UUID certId) {
    return base + "/verify?cert_id=" + certId;
  }

  /** The status list credential's URL, also its {@code id}. */
  public String statusList(int listId) {
    return base + "/status/" + listId;
  }
}
