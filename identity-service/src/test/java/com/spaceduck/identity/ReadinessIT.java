package com.spaceduck.identity;

import com.spaceduck.platform.testing.PackagedApplication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The readiness contract, against the packaged identity-service. */
@QuarkusIntegrationTest
@WithTestResource(PackagedApplication.class)
class ReadinessIT extends ReadinessTest {}
