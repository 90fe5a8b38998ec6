package io.seatwise.catalog;

import io.seatwise.support.H2Test;

@H2Test
class CatalogLoaderH2Tests extends CatalogLoaderTests {
}
