package io.auditrail.core.internal.chain;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.ChainSettings;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogOrigin;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The log's keys and names as {@code auditrail.chain.*} gives them, each checked at start-up with
 * the key named in the error: the origin prefix, the note signer (from PKCS#8 or a
 * {@code PRIVATE+KEY+} signer key), the verifier (from a C2SP verifier key or an X.509 public key,
 * and then required to match the signer) and the leaf hasher.
 *
 * @param originPrefix the origin prefix
 * @param signer signs checkpoints, or {@code null} when checkpoints are unsigned
 * @param verifier checks checkpoints, or {@code null} when no key is known
 * @param hasher hashes leaves, keyed when an HMAC key is set
 */
public record LogKeys(String originPrefix, @Nullable NoteSigner signer, @Nullable NoteVerifier verifier, LeafHasher hasher) {

    private static final String PREFIX = "auditrail.chain.";
    private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";

    /**
     * Reads and checks the keys.
     *
     * @param settings {@code auditrail.chain.*}
     * @return the keys
     * @throws InvalidAuditConfigurationException naming the key that is wrong
     */
    public static LogKeys of(ChainSettings settings) {
        String prefix = originPrefix(settings.getOriginPrefix());
        NoteSigner signer = signer(settings, prefix);
        String publicKey = text(settings.getPublicKey(), settings.getPublicKeyFile(), "public-key");
        NoteVerifier verifier = signer == null ? null : signer.verifier();
        if (publicKey != null) {
            String keyName = signer == null ? null : signer.keyName();
            try {
                verifier = NoteVerifier.fromText(publicKey, keyName);
            } catch (IllegalArgumentException e) {
                throw invalid("public-key", e.getMessage());
            }
            if (signer != null && !verifier.verify(signer.sign(new LogCheckpoint(prefix + "/key-check", 0,
                    new byte[32])))) {
                throw invalid("public-key", "does not match the signing key, whose verifier key is "
                        + signer.verifierKey());
            }
        }
        return new LogKeys(prefix, signer, verifier, hasher(settings.getHmacKey()));
    }

    private static String originPrefix(@Nullable String prefix) {
        if (prefix == null) {
            throw invalid("origin-prefix", "must not be empty");
        }
        try {
            return LogOrigin.of(prefix, null).prefix();
        } catch (IllegalArgumentException e) {
            throw invalid("origin-prefix", e.getMessage());
        }
    }

    private static @Nullable NoteSigner signer(ChainSettings settings, String prefix) {
        String text = text(settings.getSigningKey(), settings.getSigningKeyFile(), "signing-key");
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith(SIGNER_KEY_PREFIX)) {
            try {
                return NoteSigner.parse(trimmed);
            } catch (IllegalArgumentException e) {
                throw invalid("signing-key", e.getMessage());
            }
        }
        PrivateKey key;
        try {
            byte[] der = Base64.getDecoder().decode(trimmed.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw invalid("signing-key", "neither an Ed25519 PKCS#8 private key (PEM or base64) nor a note signer"
                    + " key (PRIVATE+KEY+name+id+key)");
        }
        try {
            return NoteSigner.ed25519(prefix, key);
        } catch (IllegalArgumentException e) {
            throw invalid("origin-prefix", "'" + prefix + "' cannot name the signing key: " + e.getMessage());
        }
    }

    private static LeafHasher hasher(@Nullable String hmacKey) {
        if (hmacKey == null || hmacKey.isBlank()) {
            return LeafHasher.sha256();
        }
        try {
            return LeafHasher.hmac(hmacKey(hmacKey));
        } catch (IllegalArgumentException e) {
            throw invalid("hmac-key", e.getMessage());
        }
    }

    /**
     * Decodes {@code auditrail.chain.hmac-key}.
     *
     * @param base64 the key as configured
     * @return the key bytes
     * @throws InvalidAuditConfigurationException when it is not valid
     */
    public static byte[] hmacKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("hmac-key", "must be base64");
        }
    }

    private static @Nullable String text(@Nullable String inline, @Nullable Path file, String property) {
        if (inline != null && !inline.isBlank() && file != null) {
            throw invalid(property, "set it or " + PREFIX + property + "-file, not both");
        }
        if (file == null) {
            return blankToNull(inline);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(property + "-file", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static InvalidAuditConfigurationException invalid(String property, String problem) {
        return new InvalidAuditConfigurationException(PREFIX + property + ": " + problem);
    }
}
