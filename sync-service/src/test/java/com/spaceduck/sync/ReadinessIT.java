package com.spaceduck.sync;

import com.spaceduck.platform.testing.PackagedApplication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The readiness contract, against the packaged sync-service. */
@QuarkusIntegrationTest
@WithTestResource(PackagedApplication.class)
class ReadinessIT extends ReadinessTest {}
