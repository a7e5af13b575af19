package com.spaceduck.cert;

import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.HttpConventionsContract;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class HttpConventionsTest extends HttpConventionsContract {

  HttpConventionsTest() {
    super(ProblemFamily.SNAKE_CASE, true, "invalid_token");
  }
}
