package io.auditrail.core.validation;

/**
 * Bounds applied to every event at capture.
 *
 * @param maxIdentifierLength longest action, id, type or metadata key, in characters
 * @param maxTextLength longest display text (names, email, user agent); longer text is cut
 * @param maxMetadataBytes largest serialised metadata object, in UTF-8 bytes
 * @param maxMetadataDepth deepest nesting of metadata objects and arrays
 */
public record AuditLimits(int maxIdentifierLength, int maxTextLength, int maxMetadataBytes, int maxMetadataDepth) {

    /** 255-character identifiers, 1,024-character text, 64 KiB of metadata nested 16 deep. */
    public static final AuditLimits DEFAULTS = new AuditLimits(255, 1024, 64 * 1024, 16);

    /** Checks that every bound is positive and the depth fits the hard limit of 64. */
    public AuditLimits {
        if (maxIdentifierLength < 1 || maxTextLength < 1 || maxMetadataBytes < 2 || maxMetadataDepth < 1) {
            throw new IllegalArgumentException("audit limits must be positive: " + maxIdentifierLength + ", "
                    + maxTextLength + ", " + maxMetadataBytes + ", " + maxMetadataDepth);
        }
        if (maxMetadataDepth > 64) {
            throw new IllegalArgumentException("maxMetadataDepth must be at most 64 but was " + maxMetadataDepth);
        }
    }
}
