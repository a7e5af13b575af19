package com.spaceduck.cert;

import com.spaceduck.platform.testing.PackagedApplication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The readiness contract, against the packaged cert-service. */
@QuarkusIntegrationTest
@WithTestResource(PackagedApplication.class)
class ReadinessIT extends ReadinessTest {}
