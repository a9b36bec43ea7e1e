package io.auditrail.spring.webread;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one parameter contract of every read endpoint, and the JSON error shape for every error
 * under {@code /audit}, over a real embedded Tomcat. Requests go over a raw socket so that
 * what is sent is exactly the bytes written here (a 9 KB request line, a path with {@code %FF}).
 */
@SpringBootTest(classes = ReadWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auditrail.web.enabled=true", "auditrail.chain.enabled=true",
                "spring.datasource.url=jdbc:h2:mem:read-contract;DB_CLOSE_DELAY=-1"})
class ReadParameterContractIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ENDPOINTS = List.of("/audit/events", "/audit/events/export",
            "/audit/usage", "/audit/chain/verify", "/audit/events/0190a5c4-7b1e-7c2a-9f00-000000000001");

    @LocalServerPort
    int port;

    /** One answer: status line code, headers and body as text. */
    record Answer(int status, String head, String body) {
        String error() {
            assertThat(head.toLowerCase()).as(head).contains("content-type: application/json");
            return JSON.readTree(body).get("error").asString();
        }
    }

    Answer get(String target, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString("anna:pw".getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(raw.substring(9, 12)), raw.substring(0, split), raw.substring(split + 4));
        }
    }

    @Test
    void everyEndpointRefusesUnknownParametersAndOrganizationIdByName() throws Exception {
        for (String endpoint : ENDPOINTS) {
            Answer unknown = get(endpoint + "?acton=x");
            assertThat(unknown.status()).as(endpoint).isEqualTo(400);
            assertThat(unknown.error()).as(endpoint).startsWith("unknown parameter 'acton'");
            Answer organization = get(endpoint + "?organization_id=globex");
            assertThat(organization.status()).as(endpoint).isEqualTo(400);
            assertThat(organization.error()).as(endpoint).startsWith("organization_id cannot be chosen");
        }
    }

    @Test
    void badEncodingAndOutOfRangeNumbersNameTheParameterAndTheRange() throws Exception {
        Answer encoding = get("/audit/events?search=%FF%FE");
        assertThat(encoding.status()).isEqualTo(400);
        assertThat(encoding.error()).isEqualTo("parameter 'search' is not valid UTF-8 once percent-decoded");
        Answer offset = get("/audit/events?offset=99999999999");
        assertThat(offset.status()).isEqualTo(400);
        assertThat(offset.error()).isEqualTo("offset must be a whole number from 0 to 2147483647 but was '99999999999'");
        Answer from = get("/audit/chain/verify?from=-1");
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.error()).startsWith("from must be a whole number from 0 to ");
        assertThat(get("/audit/chain/verify?from=1000").error()).startsWith("from 1000 is past the end of the log");
    }

    @Test
    void containerErrorsUnderTheBasePathAreJson() throws Exception {
        Answer longLine = get("/audit/events?search=" + "a".repeat(9 * 1024));
        assertThat(longLine.status()).isEqualTo(400);
        assertThat(longLine.error()).startsWith("the request line is longer than the server accepts (8192 bytes");
        Answer bigHeader = get("/audit/events", "X-Padding: " + "b".repeat(9 * 1024));
        assertThat(bigHeader.status()).isEqualTo(400);
        assertThat(bigHeader.error()).startsWith("the request headers are larger than the server accepts");
        Answer badPath = get("/audit/events/%FF");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.error()).isEqualTo("bad request: the path is not a valid URI");
        Answer missing = get("/audit/nothing-here", "Accept: text/html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("no such audit endpoint");
    }

    @Test
    void errorsElsewhereKeepTheApplicationsOwnPages() throws Exception {
        Answer bigHeader = get("/invoices", "X-Padding: " + "b".repeat(9 * 1024));
        assertThat(bigHeader.status()).isEqualTo(400);
        assertThat(bigHeader.head().toLowerCase()).contains("content-type: text/html");
        Answer missing = get("/nothing-here", "Accept: text/html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.head().toLowerCase()).contains("content-type: text/html");
    }
}
