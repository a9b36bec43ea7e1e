package io.auditrail.spring.singletenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A one-organisation application reads its trail from properties alone: the default
 * organisation scopes reads as it stamps writes, and the admin authority is the application's
 * own role.
 */
@SpringBootTest(classes = SingleTenantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auditrail.default-organization-id=acme", "auditrail.web.enabled=true",
                "auditrail.web.admin-authority=ROLE_ADMIN", "auditrail.dispatch=sync",
                "spring.datasource.url=jdbc:h2:mem:single-tenant;DB_CLOSE_DELAY=-1"})
class SingleTenantReadTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String user, String password, String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> events(String user, String password) throws Exception {
        HttpResponse<String> response = get(user, password, "/audit/events?limit=100");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(response.body()).get("events").forEach(events::add);
        return events;
    }

    @Test
    void theAdminReadsTheOrganisationsSecurityEventsAndAUserOnlyTheirOwn() throws Exception {
        assertThat(get("max", "wrong", "/admin/settings").statusCode()).isEqualTo(401);
        assertThat(get("max", "max-pw", "/admin/settings").statusCode()).isEqualTo(403);

        List<JsonNode> all = events("ann", "ann-pw");
        List<JsonNode> own = events("max", "max-pw");

        assertThat(all).allSatisfy(event -> assertThat(event.get("organization_id").asString()).isEqualTo("acme"))
                .extracting(event -> event.get("action").asString()).contains("user.login.failed", "access.denied");
        assertThat(own).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("actor").get("id").asString()).isEqualTo("max");
            assertThat(event.get("organization_id").asString()).isEqualTo("acme");
        });
    }

    @Test
    void usageIsTheAdminsAlone() throws Exception {
        HttpResponse<String> admin = get("ann", "ann-pw", "/audit/usage");
        HttpResponse<String> user = get("max", "max-pw", "/audit/usage");

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(admin.body()).get("organization_id").asString()).isEqualTo("acme");
        assertThat(user.statusCode()).isEqualTo(403);
    }
}
