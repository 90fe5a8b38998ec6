package io.seatwise.licensing.persistence;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;

/** How a user's violations are kept in one text column ({@code license_change_user.errors}) and read back. */
public interface ViolationCodec {

    String encode(List<LicenseFailure> violations);

    List<LicenseFailure> decode(String text);
}
