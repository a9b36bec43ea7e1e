package io.auditrail.client;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/usage}: the API key's plan and this month's count.
 *
 * @param plan the plan's name, for example {@code starter}
 * @param eventsThisMonth events counted this calendar month (UTC)
 * @param eventsLimit the plan's monthly allowance, or {@code null} when unlimited
 * @param retentionDays how many days events are kept, or {@code null} when kept forever
 */
public record ApiUsage(String plan, long eventsThisMonth, @Nullable Long eventsLimit, @Nullable Long retentionDays) {
}
