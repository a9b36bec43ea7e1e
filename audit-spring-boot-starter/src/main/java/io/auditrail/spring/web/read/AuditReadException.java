package io.auditrail.spring.web.read;

import org.springframework.http.HttpStatus;

/** A read request refused before the store is asked, with the status and message the caller gets. */
final class AuditReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    AuditReadException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
