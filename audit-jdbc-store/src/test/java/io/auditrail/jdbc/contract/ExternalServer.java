package io.auditrail.jdbc.contract;

import java.util.Optional;

/**
 * A database server named by environment variables {@code <prefix>URL}, {@code <prefix>USER}
 * and {@code <prefix>PASSWORD}, which the contract suites use instead of an embedded server.
 *
 * @param url the JDBC URL
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 */
public record ExternalServer(String url, String user, String password) {

    /**
     * Reads the variables.
     *
     * @param prefix for example {@code AUDITRAIL_TEST_POSTGRES_}
     * @return the server, or empty when the URL variable is not set
     */
    public static Optional<ExternalServer> fromEnvironment(String prefix) {
        String url = System.getenv(prefix + "URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalServer(url, System.getenv(prefix + "USER"), System.getenv(prefix + "PASSWORD")));
    }
}
