package io.auditrail.sample;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids and secrets for new rows. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * A new id with a readable prefix.
     *
     * @param prefix such as {@code inv}
     * @return for example {@code inv_3f9a1c0b2d4e}
     */
    public static String next(String prefix) {
        return prefix + "_" + random(6);
    }

    /**
     * Random bytes as hex.
     *
     * @param bytes how many random bytes
     * @return twice as many hex digits
     */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
