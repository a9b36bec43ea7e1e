package io.auditrail.spring.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** How a refused request is named in an {@code access.denied} event: its method and original path. */
final class DeniedRequests {

    private DeniedRequests() {
    }

    /** A forward keeps the path the client asked for in a request attribute; that is the one refused. */
    static String describe(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded instanceof String original ? original : request.getRequestURI();
        return request.getMethod() + " " + path;
    }
}
