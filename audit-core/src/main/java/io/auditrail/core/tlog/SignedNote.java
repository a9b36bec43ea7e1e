package io.auditrail.core.tlog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A note in the C2SP signed-note format: a body of newline-terminated lines, a blank line, then
 * one line per signature, {@code "— <key name> <base64(4-byte key id || signature)>"}. Parsing is
 * strict (no control characters but newlines, at most {@value #MAX_SIGNATURES} signatures, valid key
 * names) and checks no signature; {@link NoteVerifier} does.
 *
 * @param body the signed text, ending in a newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String body, List<Signature> signatures) {

    /** More signatures than this are refused, as the reference implementation does. */
    public static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /**
     * One signature line.
     *
     * @param keyName the signer's key name
     * @param keyId the key id, the first four bytes of the key hash, big-endian
     * @param signature the signature bytes (for Ed25519, 64)
     */
    public record Signature(String keyName, int keyId, byte[] signature) {

        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException when the key name is not valid or the signature is empty
         */
        public Signature {
            NoteKeys.requireValidName(keyName);
            if (signature.length == 0) {
                throw new IllegalArgumentException("a note signature cannot be empty");
            }
            signature = signature.clone();
        }

        /**
         * The signature bytes.
         *
         * @return a copy
         */
        @Override
        public byte[] signature() {
            return signature.clone();
        }

        String line() {
            byte[] idAndSignature = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
        }
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the body is empty, does not end in a newline or contains
     *     control characters
     */
    public SignedNote {
        requireValidBody(body);
        signatures = List.copyOf(signatures);
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a note has at most " + MAX_SIGNATURES + " signatures");
        }
    }

    /**
     * Parses a signed note.
     *
     * @param text the note, as {@link #format()} writes it
     * @return the note, its signatures not yet checked
     * @throws IllegalArgumentException when the text is not a well-formed signed note
     */
    public static SignedNote parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || Character.isSurrogate(c) && !validSurrogateAt(text, i)) {
                throw new IllegalArgumentException("a signed note contains a control character at offset " + i);
            }
        }
        int split = text.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note needs a blank line before its signatures");
        }
        String body = text.substring(0, split + 1);
        String signatureBlock = text.substring(split + 2);
        if (signatureBlock.isEmpty() || !signatureBlock.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with newline-terminated signature lines");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : signatureBlock.substring(0, signatureBlock.length() - 1).split("\n", -1)) {
            signatures.add(parseSignature(line));
            if (signatures.size() > MAX_SIGNATURES) {
                throw new IllegalArgumentException("a note has at most " + MAX_SIGNATURES + " signatures");
            }
        }
        return new SignedNote(body, signatures);
    }

    /**
     * The note as text: body, blank line, signature lines.
     *
     * @return the signed note
     */
    public String format() {
        StringBuilder text = new StringBuilder(body).append('\n');
        signatures.forEach(signature -> text.append(signature.line()));
        return text.toString();
    }

    /**
     * The same note with one more signature, replacing any by the same key name and id.
     *
     * @param signature the signature
     * @return a new note
     */
    public SignedNote withSignature(Signature signature) {
        List<Signature> all = new ArrayList<>();
        for (Signature existing : signatures) {
            if (!(existing.keyName().equals(signature.keyName()) && existing.keyId() == signature.keyId())) {
                all.add(existing);
            }
        }
        all.add(signature);
        return new SignedNote(body, all);
    }

    private static Signature parseSignature(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException("a note signature line starts with an em dash and a space but was '"
                    + LogCheckpoint.abbreviate(line) + "'");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("a note signature line has a key name and a signature");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a note signature is standard base64", e);
        }
        if (raw.length < 5) {
            throw new IllegalArgumentException("a note signature has a 4-byte key id and a signature");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int keyId = buffer.getInt();
        byte[] signature = new byte[raw.length - 4];
        buffer.get(signature);
        return new Signature(rest.substring(0, space), keyId, signature);
    }

    private static void requireValidBody(String body) {
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a note body is non-empty and ends with a newline");
        }
        if (body.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note body cannot contain control characters");
        }
    }

    private static boolean validSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
