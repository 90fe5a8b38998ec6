package io.seatwise.licensing;

/** Why a user's license change failed, in Microsoft's vocabulary. */
public enum ErrorCode {
    CountViolation,
    MutuallyExclusiveViolation,
    DependencyViolation,
    ProhibitedInUsageLocationViolation,
    UsageLocationMissing,
    UserNotFound,
    UserDeleted
}
