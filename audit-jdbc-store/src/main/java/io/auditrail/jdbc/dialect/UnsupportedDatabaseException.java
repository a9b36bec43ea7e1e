package io.auditrail.jdbc.dialect;

/** The data source points at a database the JDBC store has no dialect for. */
public class UnsupportedDatabaseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param productName the product name the driver reported
     */
    public UnsupportedDatabaseException(String productName) {
        super("the Auditrail JDBC store supports PostgreSQL, MySQL/MariaDB and H2, not '" + productName + "'");
    }
}
