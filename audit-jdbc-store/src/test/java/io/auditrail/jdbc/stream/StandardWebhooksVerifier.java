package io.auditrail.jdbc.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md)
 * and independent of the code under test: the key is the base64 after {@code whsec_}, the
 * signed content {@code id.timestamp.body}, the header a space-separated list of
 * {@code v1,<base64>} of which one must match in constant time, and the timestamp within
 * five minutes of now.
 */
final class StandardWebhooksVerifier {

    private final byte[] key;

    StandardWebhooksVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    boolean verify(String id, String timestamp, String signatureHeader, String body, long nowSeconds) throws Exception {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(nowSeconds - sent) > 300) {
            return false;
        }
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String candidate : signatureHeader.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma > 0 && candidate.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(comma + 1)))) {
                return true;
            }
        }
        return false;
    }
}
