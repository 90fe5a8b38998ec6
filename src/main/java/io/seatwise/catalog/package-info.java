/** The product catalog: products (SKUs), service plans, where products are offered and which plans exclude or need others. */
package io.seatwise.catalog;
