package io.auditrail.server.web;

import org.springframework.http.HttpStatus;

/** An error answered as {@code {"error": message}} with a status; the message is safe to show the client. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
