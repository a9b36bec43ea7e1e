package io.auditrail.jdbc.dialect;

/**
 * The data source points at a database the JDBC store has no dialect for. The message names the
 * supported databases and how to run without the store.
 */
public class UnsupportedDatabaseException extends IllegalStateException {

    /** The databases the store supports, as the message names them. */
    public static final String SUPPORTED = "PostgreSQL, MySQL/MariaDB, H2 and HSQLDB";

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param productName the product name the driver reported
     */
    public UnsupportedDatabaseException(String productName) {
        super("the Auditrail JDBC store supports " + SUPPORTED + ", not '" + productName + "'. To audit an"
                + " application on this database without the store, choose another sink: auditrail.sink=log"
                + " (one JSON line per event), http or kafka; or point the store at a supported database.");
    }
}
