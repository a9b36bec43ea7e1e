package io.auditrail.server.web;

import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer} header, for API keys and the admin token alike. */
final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {
    }

    /**
     * The token, trimmed.
     *
     * @param header the Authorization header, possibly absent
     * @return the token; empty when the header is absent, of another scheme, or has a blank token
     */
    static Optional<String> of(String header) {
        // The scheme name is case-insensitive (RFC 9110 section 11.1).
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
