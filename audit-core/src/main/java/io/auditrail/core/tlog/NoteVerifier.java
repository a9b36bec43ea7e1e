package io.auditrail.core.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks C2SP signed-note signatures made with one Ed25519 key. Built from a verifier key string
 * ({@code <name>+<hex key id>+<base64(0x01 || public key)>}) or from a PEM / X.509 public key;
 * without a key name it accepts a signature line under any name whose key id matches that name
 * and this key, since the key id binds the two. Thread-safe.
 */
public final class NoteVerifier {

    private static final int SIGNATURE_BYTES = 64;

    private final @Nullable String keyName;
    private final byte[] rawPublicKey;
    private final PublicKey key;

    private NoteVerifier(@Nullable String keyName, byte[] rawPublicKey) {
        if (keyName != null) {
            NoteKeys.requireValidName(keyName);
        }
        this.keyName = keyName;
        this.rawPublicKey = rawPublicKey.clone();
        this.key = NoteKeys.publicKey(rawPublicKey);
    }

    /**
     * A verifier for a verifier key string.
     *
     * @param verifierKey {@code <name>+<hex key id>+<base64(0x01 || 32-byte public key)>}
     * @return the verifier
     * @throws IllegalArgumentException when the string is malformed, not Ed25519, or its key id does
     *     not match its name and key
     */
    public static NoteVerifier parse(String verifierKey) {
        String[] parts = verifierKey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a note verifier key is <name>+<hex key id>+<base64 key> but was '"
                    + LogCheckpoint.abbreviate(verifierKey) + "'");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], decodeKey(parts[2]));
        if (!parts[1].equals(hexId(verifier.keyId(parts[0])))) {
            throw new IllegalArgumentException("the note verifier key's id " + LogCheckpoint.abbreviate(parts[1])
                    + " does not match its name and key");
        }
        return verifier;
    }

    /**
     * A verifier for a JDK public key.
     *
     * @param keyName the key name signatures must carry, or {@code null} for any name the key id binds
     * @param key an Ed25519 public key
     * @return the verifier
     * @throws IllegalArgumentException when the name is invalid or the key is not Ed25519
     */
    public static NoteVerifier of(@Nullable String keyName, PublicKey key) {
        return new NoteVerifier(keyName, NoteKeys.rawPublicKey(Objects.requireNonNull(key, "key")));
    }

    /**
     * A verifier from what an operator hands over: a verifier key string, or an Ed25519 public key
     * as PEM or base64 X.509.
     *
     * @param text the key
     * @param keyName the key name for a PEM key, or {@code null} (see {@link #of(String, PublicKey)})
     * @return the verifier
     * @throws IllegalArgumentException when the text is neither form
     */
    public static NoteVerifier fromText(String text, @Nullable String keyName) {
        String trimmed = text.strip();
        String vkeyProblem = "";
        if (trimmed.contains("+") && !trimmed.contains("-----BEGIN")) {
            try {
                NoteVerifier verifier = parse(trimmed);
                if (keyName != null && !keyName.equals(verifier.keyName)) {
                    throw new IllegalArgumentException("the verifier key is named " + verifier.keyName + ", not "
                            + keyName);
                }
                return verifier;
            } catch (IllegalArgumentException e) {
                vkeyProblem = e.getMessage() + "; ";
            }
        }
        String base64 = trimmed.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = NoteKeys.x509PublicKey(Base64.getDecoder().decode(base64));
            return of(keyName, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is neither a note verifier key (name+id+key) nor an"
                    + " Ed25519 public key in PEM or base64 X.509: " + vkeyProblem + e.getMessage(), e);
        }
    }

    /**
     * The key name signatures must carry.
     *
     * @return the name, or {@code null} when any name the key id binds is accepted
     */
    public @Nullable String keyName() {
        return keyName;
    }

    /**
     * Whether the note carries a valid signature by this key and no invalid one claiming it.
     *
     * @param note the note
     * @return {@code false} when unsigned by this key, changed, or signed by another key
     */
    public boolean verify(SignedNote note) {
        byte[] body = note.body().getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (SignedNote.Signature signature : note.signatures()) {
            if (keyName != null && !keyName.equals(signature.keyName())
                    || signature.keyId() != keyId(signature.keyName())) {
                continue;
            }
            if (!verify(body, signature.signature())) {
                return false;
            }
            valid = true;
        }
        return valid;
    }

    private boolean verify(byte[] body, byte[] signatureBytes) {
        if (signatureBytes.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(body);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private int keyId(String name) {
        return NoteKeys.keyId(name, rawPublicKey);
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + (keyName == null ? "any name" : keyName) + ", key "
                + Base64.getEncoder().encodeToString(rawPublicKey) + "]";
    }

    static String hexId(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** Decodes {@code base64(0x01 || 32 bytes)}. */
    static byte[] decodeKey(String base64) {
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a note key is standard base64", e);
        }
        if (typed.length != 1 + NoteKeys.KEY_BYTES || typed[0] != NoteKeys.ALGORITHM_ED25519) {
            throw new IllegalArgumentException("a note key is algorithm byte 0x01 (Ed25519) and 32 key bytes");
        }
        return Arrays.copyOfRange(typed, 1, typed.length);
    }
}
