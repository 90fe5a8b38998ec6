package io.seatwise.licensing.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.StoredChange;
import io.seatwise.licensing.UserOutcome;
import io.seatwise.licensing.UserResult;

/** Response bodies of the licensing API. */
final class LicenseResponses {

    private LicenseResponses() {
    }

    /**
     * Why a user's change failed: Microsoft's error code, the product, a message naming what conflicts or is
     * missing, and the service plans and products concerned (in the order the message names them).
     */
    record Error(String code, UUID skuId, String message, List<UUID> servicePlans, List<UUID> products) {

        static List<Error> of(List<LicenseFailure> failures) {
            return failures.stream().map(f -> new Error(f.code(), f.skuId() == null ? null : f.skuId().value(),
                    f.message(), ids(f.servicePlans()), f.products().stream().map(SkuId::value).toList())).toList();
        }
    }

    record Result(UUID userId, String status, List<Error> errors) {

        static Result of(UserOutcome o) {
            return new Result(o.userId().value(), o.succeeded() ? "succeeded" : "failed", Error.of(o.errors()));
        }
    }

    record Seats(UUID skuId, String skuPartNumber, int totalUnits, int availableUnits, int needed, int freed,
            int shortfall) {

        static Seats of(ProductSeats p) {
            return new Seats(p.skuId().value(), p.skuPartNumber(), p.total(), p.available(), p.needed(), p.freed(),
                    p.shortfall());
        }
    }

    record ChangeResponse(UUID id, boolean preview, int selected, int succeeded, int failed, List<Result> results,
            boolean resultsTruncated, List<Seats> products) {

        static ChangeResponse of(LicenseChangeResult r) {
            return new ChangeResponse(r.id(), r.preview(), r.selected(), r.succeeded(), r.failed(),
                    r.results().stream().map(Result::of).toList(), r.resultsTruncated(),
                    r.products().stream().map(Seats::of).toList());
        }
    }

    record StoredChangeResponse(UUID id, String kind, UUID undoOf, UUID undoneBy, String createdBy, Instant createdAt,
            int selected, int succeeded, int failed) {

        static StoredChangeResponse of(StoredChange c) {
            return new StoredChangeResponse(c.id(), c.kind(), c.undoOf(), c.undoneBy(), c.createdBy(), c.createdAt(),
                    c.selected(), c.succeeded(), c.failed());
        }
    }

    record UserResultResponse(UUID userId, String userPrincipalName, String displayName, String status,
            List<Error> errors, List<UUID> licenses) {

        static UserResultResponse of(UserResult r) {
            return new UserResultResponse(r.userId().value(), r.userPrincipalName(), r.displayName(),
                    r.succeeded() ? "succeeded" : "failed", Error.of(r.errors()),
                    r.licenses().stream().map(SkuId::value).toList());
        }
    }

    static List<UUID> ids(List<ServicePlanId> plans) {
        return plans.stream().map(ServicePlanId::value).toList();
    }
}
