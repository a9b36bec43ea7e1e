package io.auditrail.core.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 key encodings of the C2SP signed-note format, over the JDK's key classes. */
final class NoteKeys {

    /** The signed-note algorithm byte for Ed25519. */
    static final byte ALGORITHM_ED25519 = 0x01;
    static final int KEY_BYTES = 32;

    /** DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 key; the raw 32 bytes follow. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private NoteKeys() {
    }

    static void requireValidName(String name) {
        if (name.isEmpty() || name.contains("+") || name.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a note key name is non-empty, without spaces, control characters or"
                    + " '+' but was '" + LogCheckpoint.abbreviate(name) + "'");
        }
    }

    /** The key id: the first four bytes of SHA-256(name || '\n' || 0x01 || public key), big-endian. */
    static int keyId(String name, byte[] rawPublicKey) {
        MessageDigest digest = MerkleTree.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ALGORITHM_ED25519);
        return ByteBuffer.wrap(digest.digest(rawPublicKey)).getInt();
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || der == null || der.length != X509_PREFIX.length + KEY_BYTES
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    static PublicKey x509PublicKey(byte[] der) {
        PublicKey key = generate(() -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        rawPublicKey(key);
        return key;
    }

    static byte[] seed(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != PKCS8_PREFIX.length + KEY_BYTES
                || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length);
    }

    static PublicKey publicKey(byte[] raw) {
        return generate(() -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw))));
    }

    /**
     * The key pair of a 32-byte seed. The JDK derives public keys only while generating, and its
     * Ed25519 generator takes the seed as the generator's 32 random bytes, so a random source that
     * returns the seed regenerates the pair.
     */
    static KeyPair keyPair(byte[] seed) {
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed has " + KEY_BYTES + " bytes but had " + seed.length);
        }
        KeyPair pair = generate(() -> {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new SeedRandom(seed));
            return generator.generateKeyPair();
        });
        if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
            throw new IllegalStateException("this JDK's Ed25519 generator does not take its seed from the random source");
        }
        return pair;
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 key has " + KEY_BYTES + " bytes but had " + raw.length);
        }
        byte[] all = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, all, prefix.length, raw.length);
        return all;
    }

    private interface Crypto<T> {
        T run() throws GeneralSecurityException;
    }

    private static <T> T generate(Crypto<T> crypto) {
        try {
            return crypto.run();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Hands out the seed as its random bytes; only used to regenerate a key pair. */
    private static final class SeedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
