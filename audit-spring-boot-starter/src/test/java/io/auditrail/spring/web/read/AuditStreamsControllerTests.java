package io.auditrail.spring.web.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.StreamException;
import io.auditrail.core.stream.StreamNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditStreamsControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec_c2VjcmV0LXNpZ25pbmcta2V5LTAxMjM0NTY3";
    private static final String WEBHOOK = "{\"name\":\"SIEM\",\"destination\":\"webhook\","
            + "\"url\":\"https://siem.example.com/audit\",\"secret\":\"" + SECRET + "\"}";

    private final InMemoryStreams streams = new InMemoryStreams();
    /** alice and bob are acme's admin and member, grace is globex's admin. */
    private final AuditStreamsController controller = new AuditStreamsController(streams, authentication ->
            Optional.of(new AuditReadScope(authentication.getName().equals("grace") ? "globex" : "acme",
                    authentication.getName(), !authentication.getName().equals("bob"))));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminCreatesListsChangesPausesTestsAndDeletesAStreamWhoseSecretNeverComesBack() {
        login("alice");
        ResponseEntity<String> created = call(request -> controller.create(request), post("/audit/streams", WEBHOOK));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode stream = JSON.readTree(created.getBody());
        String id = stream.get("id").stringValue();
        assertThat(created.getHeaders().getLocation()).hasToString("/audit/streams/" + id);
        assertThat(stream.get("destination").stringValue()).isEqualTo("webhook");
        assertThat(stream.get("state").stringValue()).isEqualTo("healthy");
        assertThat(stream.get("lag_events").asLong()).isEqualTo(3);
        assertThat(streams.secrets.get(id)).as("the secret reaches the service").isEqualTo(SECRET);
        assertThat(created.getBody()).doesNotContain(SECRET, "secret");

        MockHttpServletRequest list = get("/audit/streams");
        list.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
        ResponseEntity<String> listed = call(controller::list, list);
        assertThat(JSON.readTree(listed.getBody()).get("streams")).hasSize(1);
        assertThat(listed.getHeaders().getFirst("Auditrail-Csrf-Header")).isEqualTo("X-CSRF-TOKEN");
        assertThat(listed.getHeaders().getFirst("Auditrail-Csrf-Token")).isEqualTo("token-1");
        assertThat(listed.getHeaders().getCacheControl()).isEqualTo("no-store");

        ResponseEntity<String> changed = call(request -> controller.update(id, request),
                patch("/audit/streams/" + id, "{\"name\":\"Renamed\",\"secret\":\"whsec_bmV3\"}"));
        assertThat(JSON.readTree(changed.getBody()).get("name").stringValue()).isEqualTo("Renamed");
        assertThat(changed.getBody()).doesNotContain("whsec_bmV3");
        assertThat(streams.secrets.get(id)).isEqualTo("whsec_bmV3");

        assertThat(JSON.readTree(call(request -> controller.pause(id, request), post("/x", null)).getBody())
                .get("state").stringValue()).isEqualTo("paused");
        assertThat(JSON.readTree(call(request -> controller.resume(id, request), post("/x", null)).getBody())
                .get("state").stringValue()).isEqualTo("healthy");
        assertThat(call(request -> controller.test(id, request), post("/x", null)).getBody())
                .isEqualTo("{\"delivered\":true,\"status\":204,\"body\":\"\",\"error\":null,\"duration_ms\":7}");
        assertThat(call(request -> controller.get(id, request), get("/x")).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(call(request -> controller.delete(id, request), get("/x")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(streams.streams).isEmpty();
        assertThat(call(request -> controller.delete(id, request), get("/x")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void membersAreRefusedAndAnotherOrganisationsStreamDoesNotExist() {
        login("alice");
        String id = JSON.readTree(call(request -> controller.create(request), post("/audit/streams", WEBHOOK))
                .getBody()).get("id").stringValue();

        login("bob");
        ResponseEntity<String> member = call(controller::list, get("/audit/streams"));
        assertThat(member.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(member.getBody()).isEqualTo("{\"error\":\"only organisation admins may manage streams\"}");
        assertThat(call(request -> controller.create(request), post("/audit/streams", WEBHOOK)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        login("grace");
        assertThat(JSON.readTree(call(controller::list, get("/audit/streams")).getBody()).get("streams")).isEmpty();
        for (Function<MockHttpServletRequest, ResponseEntity<?>> operation : java.util.List.<Function<MockHttpServletRequest,
                ResponseEntity<?>>>of(request -> controller.get(id, request), request -> controller.pause(id, request),
                request -> controller.resume(id, request), request -> controller.test(id, request),
                request -> controller.delete(id, request),
                request -> controller.update(id, request))) {
            ResponseEntity<?> answer = call(operation, patch("/x", "{\"name\":\"mine now\"}"));
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).isEqualTo("{\"error\":\"no stream " + id + "\"}");
        }
        assertThat(streams.streams.get(id).name()).isEqualTo("SIEM");
        assertThat(streams.streams.get(id).state().name()).isEqualTo("ACTIVE");

        SecurityContextHolder.clearContext();
        assertThat(call(controller::list, get("/audit/streams")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badInputIsA400NamingTheFieldAndARefusedAddressSaysWhy() {
        login("alice");
        assertBadRequest(post("/audit/streams", "{\"name\":\"x\"}"), "destination: required");
        assertBadRequest(post("/audit/streams", WEBHOOK.replace("https://siem.example.com", "https://127.0.0.1")),
                "url: host 127.0.0.1 is a loopback address, which streams may not reach");
        assertBadRequest(post("/audit/streams", WEBHOOK.replace("\"SIEM\"", "\"" + "n".repeat(101) + "\"")),
                "name: at most 100 characters");
        MockHttpServletRequest withQuery = post("/audit/streams", WEBHOOK);
        withQuery.setQueryString("organization_id=globex");
        withQuery.setParameter("organization_id", "globex");
        assertThat(call(request -> controller.create(request), withQuery).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(streams.streams).isEmpty();

        MockHttpServletRequest form = post("/audit/streams", WEBHOOK);
        form.setContentType("application/x-www-form-urlencoded");
        ResponseEntity<String> unsupported = call(request -> controller.create(request), form);
        assertThat(unsupported.getStatusCode().value()).isEqualTo(415);
        assertThat(unsupported.getBody()).contains("Content-Type must be application/json");
        ResponseEntity<String> huge = call(request -> controller.create(request),
                post("/audit/streams", "{\"name\":\"" + "x".repeat(20_000) + "\"}"));
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
        assertThat(call(request -> controller.get("not-a-uuid", request), get("/x")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertBadRequest(MockHttpServletRequest request, String message) {
        ResponseEntity<String> answer = call(controller::create, request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(answer.getBody()).get("error").stringValue()).startsWith(message);
    }

    /** Runs an operation and answers its exception as the controller's handlers do; a 204's body is null. */
    @SuppressWarnings("unchecked")
    private ResponseEntity<String> call(Function<MockHttpServletRequest, ResponseEntity<?>> operation,
            MockHttpServletRequest request) {
        try {
            return (ResponseEntity<String>) operation.apply(request);
        } catch (InvalidStreamException e) {
            return (ResponseEntity<String>) controller.invalid(e);
        } catch (StreamNotFoundException e) {
            return (ResponseEntity<String>) controller.notFound(e);
        } catch (StreamException e) {
            return (ResponseEntity<String>) controller.unavailable(e);
        } catch (AuditReadException e) {
            return (ResponseEntity<String>) controller.refused(e);
        } catch (InvalidAuditQueryException e) {
            return (ResponseEntity<String>) controller.badQuery(e);
        }
    }

    private static void login(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
                AuthorityUtils.NO_AUTHORITIES));
    }

    private static MockHttpServletRequest get(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }

    private static MockHttpServletRequest post(String uri, String body) {
        return withBody(new MockHttpServletRequest("POST", uri), body);
    }

    private static MockHttpServletRequest patch(String uri, String body) {
        return withBody(new MockHttpServletRequest("PATCH", uri), body);
    }

    private static MockHttpServletRequest withBody(MockHttpServletRequest request, String body) {
        if (body != null) {
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }
}
