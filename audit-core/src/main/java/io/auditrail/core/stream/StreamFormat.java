package io.auditrail.core.stream;

/** How each event is written for the destination. */
public enum StreamFormat {

    /** Auditrail's own event JSON, the same as the read API returns. */
    AUDITRAIL_JSON,

    /**
     * Open Cybersecurity Schema Framework, version {@value #OCSF_VERSION}: Authentication (3002),
     * Account Change (3001), Entity Management (3004) or API Activity (6003), by action.
     */
    OCSF;

    /** The OCSF schema version the OCSF format targets, written in each object's {@code metadata.version}. */
    public static final String OCSF_VERSION = "1.3.0";
}
