package io.auditrail.core.chain;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/** Signs checkpoints with an Ed25519 private key. Thread-safe. */
public final class CheckpointSigner {

    private final PrivateKey key;

    /**
     * Creates a signer.
     *
     * @param key an Ed25519 private key, see {@link ChainKeys#privateKey(String)}
     */
    public CheckpointSigner(PrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Signs a checkpoint.
     *
     * @param checkpoint the checkpoint; an existing signature is replaced
     * @return the signed copy
     */
    public Checkpoint sign(Checkpoint checkpoint) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(checkpoint.payload());
            return checkpoint.withSignature(Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with " + key.getAlgorithm() + ": " + e.getMessage(), e);
        }
    }
}
