/** User accounts of customers: create, list, read (the full lifecycle comes with the user-accounts work). */
package io.seatwise.users;
