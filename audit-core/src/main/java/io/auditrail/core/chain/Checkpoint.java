package io.auditrail.core.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A statement about one chain at one moment: its head ({@link Kind#HEAD}), or the last link a
 * retention purge removed ({@link Kind#ANCHOR}), where verification starts afterwards.
 *
 * @param organizationId the chain's organisation, or {@code null} for events without one
 * @param kind head or anchor
 * @param chainSeq the link's chain sequence; 0 with {@link ChainHasher#GENESIS} for an empty chain
 * @param hash the link's hash
 * @param createdAt when the checkpoint was taken, microsecond precision
 * @param signature base64 Ed25519 signature of {@link #payload()}, or {@code null} when unsigned
 */
public record Checkpoint(String organizationId, Kind kind, long chainSeq, String hash, Instant createdAt,
        String signature) {

    /** What a checkpoint marks. */
    public enum Kind {
        /** The newest sealed link when the checkpoint was taken. */
        HEAD,
        /** The last link deleted by retention; the remaining chain continues from it. */
        ANCHOR
    }

    /** Checks the required parts. */
    public Checkpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (chainSeq < 0) {
            throw new IllegalArgumentException("chain sequence must not be negative but was " + chainSeq);
        }
    }

    /**
     * The bytes that are signed: a versioned, line-based text whose only free-form part, the
     * organisation, is length-prefixed, so two different checkpoints never share a payload.
     *
     * @return UTF-8 bytes
     */
    public byte[] payload() {
        String organization = organizationId == null ? "-" : organizationId.length() + ":" + organizationId;
        String text = "auditrail-checkpoint-v1\n" + kind + "\n" + organization + "\n" + chainSeq + "\n" + hash + "\n"
                + createdAt.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", createdAt.getNano() / 1000) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same checkpoint with a signature.
     *
     * @param newSignature base64 signature
     * @return a copy
     */
    public Checkpoint withSignature(String newSignature) {
        return new Checkpoint(organizationId, kind, chainSeq, hash, createdAt, newSignature);
    }
}
