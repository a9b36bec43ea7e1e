package io.auditrail.spring.web.read;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers the error dispatch of a request under the read endpoints' base path with the
 * endpoints' JSON error shape, whatever the client accepts, instead of the application's error
 * page; an unknown path, a wrong method or a refusal by Spring Security under {@code /audit}
 * is JSON like every other answer there. Errors elsewhere in the application pass untouched.
 */
public final class AuditErrorDispatchFilter implements Filter {

    /**
     * {@code RequestDispatcher.ERROR_QUERY_STRING}, which Servlet 6.1 added; spelled out so that
     * the class compiles against Servlet 6.0 too (the Boot 3 starter).
     */
    private static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

    private final String basePath;

    /**
     * Creates the filter.
     *
     * @param basePath the read endpoints' base path within the application, such as {@code /audit}
     */
    public AuditErrorDispatchFilter(String basePath) {
        this.basePath = basePath;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR && request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse answer && !answer.isCommitted()
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && AuditErrorBodies.isUnder(uri, http.getContextPath() + basePath)) {
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
            answer.resetBuffer();
            answer.setStatus(status);
            answer.setContentType("application/json");
            answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
            answer.setHeader("Cache-Control", "no-store");
            answer.getOutputStream().write(AuditErrorBodies.json(AuditErrorBodies.forStatus(status,
                            (String) request.getAttribute(ERROR_QUERY_STRING)))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
