package io.auditrail.server.web;

import io.auditrail.core.store.AuditStoreException;
import io.auditrail.server.ingest.IngestRefusedException;
import io.auditrail.server.ingest.InvalidEventRequestException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error as {@code {"error": "..."}}: never HTML, never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, String>> api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(InvalidEventRequestException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidEventRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IngestRefusedException.class)
    ResponseEntity<Map<String, String>> refused(IngestRefusedException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return builder.body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({AuditStoreException.class, DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, String>> storage(RuntimeException e) {
        log.warn("Audit server storage failure: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(JsonErrors.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("error", JsonErrors.STORAGE_UNAVAILABLE));
    }

    /** Spring MVC's own failures (404, 405, 406, 415, missing or mistyped parameters) carry their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        if (e instanceof ErrorResponse response) {
            return error(response.getStatusCode(), JsonErrorController.message(response.getStatusCode().value()));
        }
        log.error("Unexpected audit server failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
