package io.auditrail.kafka;

import io.auditrail.core.AuditrailException;

/**
 * A record was written in a schema version this loader cannot read. The loader stops without
 * committing its offset, so a newer loader stores it.
 */
public final class UnsupportedSchemaVersionException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    UnsupportedSchemaVersionException(String message) {
        super(message);
    }
}
