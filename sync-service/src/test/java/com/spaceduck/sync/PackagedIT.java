package com.spaceduck.sync;

import static com.spaceduck.sync.support.DuckHub.body;
import static com.spaceduck.sync.support.DuckHub.catalog;
import static com.spaceduck.sync.support.DuckHub.category;
import static com.spaceduck.sync.support.DuckHub.item;
import static com.spaceduck.sync.support.DuckHub.sync;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.PackagedApplication;
import com.spaceduck.platform.testing.PackagedConventionsContract;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.sync.support.DuckHub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged sync-service keeps the HTTP conventions and serves its main flow: an owner's venue
 * gets a DuckHub key, the key syncs a catalog, and the catalog reads back.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(PackagedApplication.class)
class PackagedIT extends PackagedConventionsContract {

  PackagedIT() {
    super(ProblemFamily.SNAKE_CASE);
  }

  @Test
  void aVenueKeySyncsACatalogThatReadsBack() {
    String key = DuckHub.venueKey();
    sync(
            key,
            body(
                null,
                List.of(category("mains", "Mains")),
                List.of(item("burger", "mains", 1250), item("fries", "mains", 450)),
                null))
        .statusCode(200)
        .body("items.created", equalTo(2));
    catalog(key)
        .statusCode(200)
        .body("items.externalId", contains("burger", "fries"))
        .body("items[0].price.amount", equalTo(1250));
  }
}
