package io.auditrail.spring.web.read;

import io.auditrail.core.internal.query.QueryString;
import io.auditrail.core.store.InvalidAuditQueryException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read endpoints' error shape, {@code {"error": "..."}}, for errors raised outside their
 * controllers: by Spring MVC or Spring Security (the error dispatch) and by the servlet
 * container before any servlet runs.
 */
final class AuditErrorBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditErrorBodies() {
    }

    static String json(String message) {
        return JSON.writeValueAsString(Map.of("error", message));
    }

    /**
     * The message for a status, naming the parameter when a 400 comes from a query string that is
     * not percent-encoded UTF-8: the container (or a filter reading parameters before ours, such as
     * Spring Security's firewall) refuses such a request before the endpoint's own parser can.
     */
    static String forStatus(int status, String queryString) {
        if (status == 400 && queryString != null) {
            try {
                QueryString.decode(queryString);
            } catch (InvalidAuditQueryException badEncoding) {
                return badEncoding.getMessage();
            }
        }
        return forStatus(status);
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "bad request: the request line or a header is malformed";
            case 401 -> "authentication required";
            case 403 -> "forbidden";
            case 404 -> "no such audit endpoint";
            case 405 -> "method not allowed: the log endpoints answer GET; the stream endpoints also POST, PATCH"
                    + " and DELETE as documented";
            case 415 -> "unsupported media type: send JSON (Content-Type: application/json)";
            case 406 -> "not acceptable: the audit endpoints answer JSON, CSV or HTML as documented";
            case 414 -> "the request target is longer than the server accepts; shorten the query";
            case 431 -> "the request headers are larger than the server accepts";
            default -> status >= 500 ? "internal error; the server's log has the cause" : "request failed with " + status;
        };
    }

    /** Whether a raw request URI is the base path or below it. */
    static boolean isUnder(String uri, String prefix) {
        return uri.equals(prefix) || uri.startsWith(prefix + "/");
    }
}
