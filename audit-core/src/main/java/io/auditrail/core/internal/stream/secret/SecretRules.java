package io.auditrail.core.internal.stream.secret;

import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.InvalidStreamException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The shape each destination kind's secret must have; checked at creation and update. */
public final class SecretRules {

    /** Prefix of a Standard Webhooks signing secret. */
    public static final String WEBHOOK_PREFIX = "whsec_";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{8,256}");

    private SecretRules() {
    }

    /**
     * Checks a secret for a destination kind.
     *
     * @param kind the destination kind
     * @param secret the secret as the admin sent it
     * @return the secret, trimmed
     * @throws InvalidStreamException saying what is wrong, never echoing the secret
     */
    public static String check(DestinationKind kind, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidStreamException("secret is required for a " + kind + " stream");
        }
        String value = secret.trim();
        if (kind == DestinationKind.WEBHOOK) {
            webhookKey(value);
            return value;
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidStreamException("secret must be 8 to 256 token characters (letters, digits, ._~+/=-)");
        }
        return value;
    }

    /**
     * The HMAC key of a webhook secret.
     *
     * @param secret {@code whsec_} and base64 of 24 to 64 bytes
     * @return the key bytes
     * @throws InvalidStreamException when the secret has another shape
     */
    public static byte[] webhookKey(String secret) {
        if (!secret.startsWith(WEBHOOK_PREFIX)) {
            throw new InvalidStreamException("secret of a WEBHOOK stream must start with whsec_ (Standard Webhooks)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(WEBHOOK_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidStreamException("secret of a WEBHOOK stream must be whsec_ followed by base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new InvalidStreamException("secret of a WEBHOOK stream must hold 24 to 64 bytes but held " + key.length);
        }
        return key;
    }

    /**
     * Makes a new webhook secret of 32 random bytes.
     *
     * @return {@code whsec_<base64>}
     */
    public static String newWebhookSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return WEBHOOK_PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
