package io.seatwise.provisioning;

import java.time.Instant;

import io.seatwise.users.UserId;

/**
 * A license provisioning could not give, as the customer's Provisioning tab lists it.
 *
 * @param product the product's part number, or the value the identity provider sent when it names no product
 * @param code Microsoft's error code ({@code CountViolation}…)
 * @param message the reason in English, naming the plans and products concerned
 * @param at when provisioning last tried
 */
public record ScimLicenseError(UserId userId, String userName, String product, String code, String message,
        Instant at) {
}
