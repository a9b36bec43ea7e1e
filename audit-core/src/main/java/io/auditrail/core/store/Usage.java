package io.auditrail.core.store;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * How much of its allowance an organisation has used.
 *
 * @param organizationId the organisation, or {@code null} for events without one
 * @param month the calendar month counted, in UTC
 * @param eventsThisMonth events stored with a timestamp in that month
 * @param monthlyLimit configured monthly allowance, or {@code null} when unlimited
 * @param retentionDays how many days events are kept, or {@code null} when kept forever
 */
public record Usage(@Nullable String organizationId, YearMonth month, long eventsThisMonth, @Nullable Long monthlyLimit,
        @Nullable Long retentionDays) {

    /** Checks that the month is present and the counts are not negative. */
    public Usage {
        if (month == null) {
            throw new IllegalArgumentException("month is required");
        }
        if (eventsThisMonth < 0) {
            throw new IllegalArgumentException("eventsThisMonth must not be negative");
        }
        if (monthlyLimit != null && monthlyLimit < 0) {
            throw new IllegalArgumentException("monthlyLimit must not be negative");
        }
        if (retentionDays != null && retentionDays < 0) {
            throw new IllegalArgumentException("retentionDays must not be negative");
        }
    }
}
