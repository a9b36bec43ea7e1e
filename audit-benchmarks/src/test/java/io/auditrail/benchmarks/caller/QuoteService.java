package io.auditrail.benchmarks.caller;

import io.auditrail.annotations.Audited;

/**
 * A business method that costs a few nanoseconds of pure CPU, so that what a proxy or
 * {@code @Audited} adds is not hidden behind I/O: the caller-side cost of the async mode is
 * measured against it.
 */
public class QuoteService {

    private static final long[] TIER_LIMITS = {10, 50, 100, 500};
    private static final long[] TIER_PRICES_CENTS = {1_250, 1_100, 990, 870, 760};

    /**
     * Prices a quantity of one product with volume tiers.
     *
     * @param sku the product
     * @param quantity how many
     * @return the total in cents
     */
    @Audited(action = "quote.computed", resourceId = "#sku")
    public long quote(String sku, int quantity) {
        int tier = 0;
        while (tier < TIER_LIMITS.length && quantity > TIER_LIMITS[tier]) {
            tier++;
        }
        return TIER_PRICES_CENTS[tier] * quantity + sku.length();
    }
}
