/** Demo customers, subscriptions and users for a first look, loaded once into an empty database. */
package io.seatwise.demo;
