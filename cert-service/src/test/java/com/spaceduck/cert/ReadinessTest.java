package com.spaceduck.cert;

import com.spaceduck.platform.testing.ProxiedDependencies;
import com.spaceduck.platform.testing.ReadinessRecoveryContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ProxiedDependencies.class)
class ReadinessTest extends ReadinessRecoveryContract {}
