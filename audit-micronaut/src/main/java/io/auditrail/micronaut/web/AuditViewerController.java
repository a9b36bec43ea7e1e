package io.auditrail.micronaut.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the viewer's three static files at {@code {base-path}/ui/}: the starter's own files,
 * copied into this module's jar by the build. They are read from the classpath once, at
 * start-up, and only these names are served, so no path a client sends can reach another
 * resource. The page holds no data: everything it shows comes from the scoped read endpoints.
 */
@Controller("${auditrail.web.base-path:/audit}")
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.web.enabled", value = "true")
@Requires(property = "auditrail.web.viewer-enabled", notEquals = "false")
@Requires(classes = SecurityRule.class)
@Secured(SecurityRule.IS_ANONYMOUS)
public class AuditViewerController {

    private static final String LOCATION = "/io/auditrail/micronaut/web/viewer/";
    private static final Map<String, MediaType> FILES = Map.of(
            "index.html", MediaType.of("text/html;charset=UTF-8"),
            "viewer.js", MediaType.of("text/javascript;charset=UTF-8"),
            "viewer.css", MediaType.of("text/css;charset=UTF-8"));

    private final Map<String, byte[]> contents;

    /** Loads the viewer's files from this module's jar. */
    public AuditViewerController() {
        this.contents = Map.of("index.html", load("index.html"), "viewer.js", load("viewer.js"),
                "viewer.css", load("viewer.css"));
    }

    /** Micronaut matches {@code ui} and {@code ui/} alike; the page's relative links need the slash. */
    @Get("/ui")
    MutableHttpResponse<byte[]> page(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.<byte[]>status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "ui/");
        }
        return file("index.html");
    }

    @Get("/ui/{name}")
    MutableHttpResponse<byte[]> asset(@PathVariable("name") String name) {
        return name.endsWith(".html") || !FILES.containsKey(name) ? HttpResponse.notFound() : file(name);
    }

    private MutableHttpResponse<byte[]> file(String name) {
        return HttpResponse.ok(contents.get(name)).contentType(FILES.get(name))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").header("X-Content-Type-Options", "nosniff");
    }

    private static byte[] load(String name) {
        try (InputStream in = AuditViewerController.class.getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("viewer file " + LOCATION + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read viewer file " + name, e);
        }
    }
}
