package io.auditrail.spring.web.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the viewer's three static files at {@code {base-path}/ui/}. They are read from the
 * classpath once, at start-up, and only these names are served, so no path a client sends
 * can reach another resource. The page holds no data: everything it shows comes from the
 * scoped read endpoints.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}/ui")
public class AuditViewerController {

    private static final String LOCATION = "/io/auditrail/spring/web/viewer/";
    private static final Map<String, MediaType> FILES = Map.of(
            "index.html", MediaType.parseMediaType("text/html;charset=UTF-8"),
            "viewer.js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "viewer.css", MediaType.parseMediaType("text/css;charset=UTF-8"));

    private final Map<String, byte[]> contents;

    /** Loads the viewer's files from the starter's jar. */
    public AuditViewerController() {
        this.contents = Map.of("index.html", load("index.html"), "viewer.js", load("viewer.js"),
                "viewer.css", load("viewer.css"));
    }

    @GetMapping("")
    ResponseEntity<Void> withSlash() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("ui/")).build();
    }

    @GetMapping("/")
    ResponseEntity<byte[]> page() {
        return file("index.html");
    }

    @GetMapping("/{name:[a-z]+\\.(?:js|css)}")
    ResponseEntity<byte[]> asset(@PathVariable("name") String name) {
        return FILES.containsKey(name) ? file(name) : ResponseEntity.notFound().build();
    }

    private ResponseEntity<byte[]> file(String name) {
        return ResponseEntity.ok().contentType(FILES.get(name)).cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff").body(contents.get(name));
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
