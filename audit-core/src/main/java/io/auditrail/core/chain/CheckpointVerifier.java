package io.auditrail.core.chain;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/** Checks checkpoint signatures against an Ed25519 public key. Thread-safe. */
public final class CheckpointVerifier {

    private final PublicKey key;

    /**
     * Creates a verifier.
     *
     * @param key the Ed25519 public key matching the signer's private key
     */
    public CheckpointVerifier(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Whether the checkpoint carries a valid signature by this key.
     *
     * @param checkpoint the checkpoint
     * @return {@code false} when unsigned, malformed or signed by another key
     */
    public boolean isValid(Checkpoint checkpoint) {
        if (checkpoint.signature() == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(checkpoint.payload());
            return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
