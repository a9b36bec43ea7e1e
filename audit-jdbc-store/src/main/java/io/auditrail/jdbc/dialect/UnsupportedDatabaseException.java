package io.auditrail.jdbc.dialect;

import io.auditrail.core.AuditrailException;

/**
 * The data source points at a database the JDBC store has no dialect for. The message names the
 * supported databases and how to run without the store.
 */
public class UnsupportedDatabaseException extends AuditrailException {

    /** The databases the store supports, as the message names them. */
    public static final String SUPPORTED = "PostgreSQL, MySQL/MariaDB, H2 and HSQLDB";

    /** What to do instead, the last sentence of the message. */
    public static final String ACTION = "To audit an application on this database without the store, choose another"
            + " sink: auditrail.sink=log (one JSON line per event), http or kafka; or point the store at a supported"
            + " database.";

    private static final long serialVersionUID = 1L;

    private final String productName;

    /**
     * Creates the exception.
     *
     * @param productName the product name the driver reported
     */
    public UnsupportedDatabaseException(String productName) {
        super(problem(productName) + ". " + ACTION);
        this.productName = productName;
    }

    /**
     * What is wrong, without what to do about it.
     *
     * @param productName the product name the driver reported
     * @return the first sentence of the message
     */
    public static String problem(String productName) {
        return "the Auditrail JDBC store supports " + SUPPORTED + ", not '" + productName + "'";
    }

    /**
     * The database the driver reported.
     *
     * @return its product name, for example {@code Apache Derby}
     */
    public String productName() {
        return productName;
    }
}
