package io.auditrail.core.chain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads and makes Ed25519 keys: private keys as PKCS#8, public keys as X.509
 * SubjectPublicKeyInfo, each either base64 or PEM (the form {@code openssl genpkey
 * -algorithm ed25519} and {@code openssl pkey -pubout} write).
 */
public final class ChainKeys {

    private static final String ALGORITHM = "Ed25519";

    private ChainKeys() {
    }

    /**
     * Parses a private key.
     *
     * @param text PEM or base64 PKCS#8
     * @return the key
     * @throws IllegalArgumentException when the text is not an Ed25519 PKCS#8 key
     */
    public static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(text, "private")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a public key.
     *
     * @param text PEM or base64 X.509 SubjectPublicKeyInfo
     * @return the key
     * @throws IllegalArgumentException when the text is not an Ed25519 public key
     */
    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(text, "public")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Generates a key pair.
     *
     * @return a new Ed25519 key pair
     */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /**
     * Writes a private key as PEM.
     *
     * @param key an Ed25519 private key
     * @return {@code -----BEGIN PRIVATE KEY-----} ...
     */
    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Writes a public key as PEM.
     *
     * @param key an Ed25519 public key
     * @return {@code -----BEGIN PUBLIC KEY-----} ...
     */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " key is blank");
        }
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " key is neither PEM nor base64", e);
        }
    }
}
