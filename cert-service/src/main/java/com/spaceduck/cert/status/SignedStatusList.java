package com.spaceduck.cert.status;

/**
 * A status list credential as served: the compact JWS and its weak entity tag, which changes
 * exactly when a bit (or the signing key) changes.
 */
public record SignedStatusList(String etag, String credential) {}
