package io.seatwise.catalog;

import io.seatwise.support.PostgresTest;

@PostgresTest
class CatalogLoaderPostgresTests extends CatalogLoaderTests {
}
