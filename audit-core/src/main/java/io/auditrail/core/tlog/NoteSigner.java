package io.auditrail.core.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Signs notes with an Ed25519 key under a key name, as C2SP signed-note defines: the key id is
 * the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}, and each signature
 * line carries it before the signature. Thread-safe.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final String keyName;
    private final PrivateKey key;
    private final byte[] rawPublicKey;
    private final int keyId;

    private NoteSigner(String keyName, KeyPair pair) {
        NoteKeys.requireValidName(keyName);
        this.keyName = keyName;
        this.key = pair.getPrivate();
        this.rawPublicKey = NoteKeys.rawPublicKey(pair.getPublic());
        this.keyId = NoteKeys.keyId(keyName, rawPublicKey);
    }

    /**
     * A signer for a JDK private key, for instance one read from PKCS#8 PEM.
     *
     * @param keyName the key name signature lines carry: non-empty, no spaces, no {@code +}
     * @param key an Ed25519 private key
     * @return the signer
     * @throws IllegalArgumentException when the name is invalid or the key is not Ed25519
     */
    public static NoteSigner ed25519(String keyName, PrivateKey key) {
        Objects.requireNonNull(key, "key");
        return new NoteSigner(keyName, NoteKeys.keyPair(NoteKeys.seed(key)));
    }

    /**
     * A signer for a signed-note private key string, {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>}
     * (the form Go's {@code note.GenerateKey} writes).
     *
     * @param signerKey the key string
     * @return the signer
     * @throws IllegalArgumentException when the string is malformed, not Ed25519, or its key id does
     *     not match
     */
    public static NoteSigner parse(String signerKey) {
        if (!signerKey.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new IllegalArgumentException("a note signer key starts with " + PRIVATE_KEY_PREFIX);
        }
        String[] parts = signerKey.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a note signer key is " + PRIVATE_KEY_PREFIX + "<name>+<id>+<key>");
        }
        byte[] key = NoteVerifier.decodeKey(parts[2]);
        NoteSigner signer = new NoteSigner(parts[0], NoteKeys.keyPair(key));
        if (!parts[1].equals(NoteVerifier.hexId(signer.keyId))) {
            throw new IllegalArgumentException("the note signer key's id " + LogCheckpoint.abbreviate(parts[1])
                    + " does not match its name and key");
        }
        return signer;
    }

    /**
     * The key name.
     *
     * @return the name signature lines carry
     */
    public String keyName() {
        return keyName;
    }

    /**
     * The key id.
     *
     * @return the first four bytes of the key hash, big-endian
     */
    public int keyId() {
        return keyId;
    }

    /**
     * The matching verifier key, {@code <name>+<hex key id>+<base64(0x01 || public key)>}, to hand
     * to tenants, witnesses and the offline verifier.
     *
     * @return the verifier key string
     */
    public String verifierKey() {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = NoteKeys.ALGORITHM_ED25519;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return keyName + "+" + NoteVerifier.hexId(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * The verifier for this signer's key.
     *
     * @return a verifier bound to this key name
     */
    public NoteVerifier verifier() {
        return NoteVerifier.parse(verifierKey());
    }

    /**
     * Signs a checkpoint.
     *
     * @param checkpoint the checkpoint
     * @return the note of its body with this key's signature
     */
    public SignedNote sign(LogCheckpoint checkpoint) {
        return sign(new SignedNote(checkpoint.noteBody(), List.of()));
    }

    /**
     * Adds this key's signature to a note, replacing an earlier one by the same key.
     *
     * @param note the note
     * @return the signed copy
     */
    public SignedNote sign(SignedNote note) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(note.body().getBytes(StandardCharsets.UTF_8));
            return note.withSignature(new SignedNote.Signature(keyName, keyId, signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a note with Ed25519: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + keyName + "+" + HexFormat.of().toHexDigits(keyId) + "]";
    }
}
