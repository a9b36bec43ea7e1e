package io.auditrail.core.internal.stream.secret;

import io.auditrail.core.stream.StreamException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of destination secrets. The stream id is the associated data, so a
 * ciphertext copied onto another stream's row does not decrypt. Stored as
 * {@code v1:<base64(12-byte nonce || ciphertext+tag)>}; the prefix leaves room for key rotation.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates a box.
     *
     * @param key 16, 24 or 32 bytes
     */
    public SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Encrypts a secret for one stream.
     *
     * @param streamId bound to the ciphertext
     * @param secret the plain secret
     * @return the stored form
     */
    public String seal(String streamId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, streamId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new StreamException("cannot encrypt the destination secret", e);
        }
    }

    /**
     * Decrypts a stored secret.
     *
     * @param streamId the stream it was sealed for
     * @param stored the stored form
     * @return the plain secret
     * @throws StreamException when the key is wrong or the value was altered or moved
     */
    public String open(String streamId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new StreamException("stored secret of stream " + streamId + " has an unknown format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length <= NONCE_BYTES) {
                throw new StreamException("stored secret of stream " + streamId + " is truncated");
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, streamId);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StreamException("cannot decrypt the secret of stream " + streamId
                    + " (wrong auditrail.streams.encryption-key, or the value was altered)", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String streamId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(streamId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
