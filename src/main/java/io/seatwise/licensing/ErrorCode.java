package io.seatwise.licensing;

/** Why a user's license change failed, in Microsoft's vocabulary. */
public enum ErrorCode {
    CountViolation,
    MutuallyExclusiveViolation,
    DependencyViolation,
    ProhibitedInUsageLocationViolation,
    UsageLocationMissing,
    UserNotFound,
    UserDeleted,
    /** A User management admin's change of a Global admin's licenses (product.md: "never on a Global admin"). */
    Forbidden
}
