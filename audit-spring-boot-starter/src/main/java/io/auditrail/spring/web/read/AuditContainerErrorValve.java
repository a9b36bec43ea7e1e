package io.auditrail.spring.web.read;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;

/**
 * Tomcat's error report for errors the container answers itself, before the application sees
 * the request (a request line or headers over {@code server.max-http-request-header-size}, an
 * undecodable path): JSON in the read endpoints' shape when the request is under their base
 * path, or when its target could not even be read (a request line over the limit, as a 9 KB
 * {@code search} makes, ends before Tomcat learns the path); Tomcat's usual page without server
 * details otherwise. No limit is raised.
 */
public final class AuditContainerErrorValve extends ErrorReportValve {

    private final String prefix;

    /**
     * Creates the valve.
     *
     * @param prefix the context path and the read endpoints' base path, such as {@code /audit}
     */
    public AuditContainerErrorValve(String prefix) {
        this.prefix = prefix;
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri != null && !AuditErrorBodies.isUnder(uri, prefix)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(AuditErrorBodies.json(message(request, uri, status, throwable)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was committed meanwhile: nothing left to tell it.
        }
    }

    private static String message(Request request, String uri, int status, Throwable throwable) {
        if (status == 400 && throwable instanceof IllegalArgumentException) {
            String limit = request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                    ? " (" + http.getMaxHttpRequestHeaderSize() + " bytes with the headers)" : "";
            return uri == null
                    ? "the request line is longer than the server accepts" + limit + "; shorten the query, a search say"
                    : "the request headers are larger than the server accepts" + limit;
        }
        String parameterProblem = AuditErrorBodies.forStatus(status, request.getQueryString());
        if (!parameterProblem.equals(AuditErrorBodies.forStatus(status))) {
            return parameterProblem;
        }
        if (status == 400 && uri != null) {
            return "bad request: the path is not a valid URI";
        }
        return AuditErrorBodies.forStatus(status);
    }
}
