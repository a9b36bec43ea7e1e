package io.auditrail.spring.web.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditChainControllerTests {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcAuditChain chain;
    private final AuditChainController controller;

    AuditChainControllerTests() {
        dataSource.setURL("jdbc:h2:mem:chain-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        chain = JdbcAuditChain.builder(dataSource).build();
        JdbcAuditStore store = JdbcAuditStore.builder(dataSource).chain(chain).build();
        for (String organization : List.of("acme", "acme", "acme", "globex")) {
            store.write(List.of(AuditEvent.builder().organizationId(organization).timestamp(Instant.now())
                    .actor(Actor.user("alice", null, null)).action("invoice.created")
                    .resource(Resource.of("invoice", "inv-1")).build()));
        }
        chain.sealPending();
        controller = new AuditChainController(chain, authentication -> Optional.of(new AuditReadScope("acme",
                authentication.getName(), authentication.getName().equals("admin"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void adminVerifiesTheirOrganisationsChain() {
        login("admin");
        ResponseEntity<String> response = verify(null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"organization_id\":\"acme\"", "\"intact\":true", "\"leaves_checked\":3",
                "\"tree_size\":3");
    }

    @Test
    void modifiedEventIsReportedWithItsLeafIndexAndClass() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_events SET actor_id = 'mallory' WHERE seq = (SELECT event_seq"
                    + " FROM audit_events_leaves WHERE organization_key = 'acme' AND leaf_index = 1)");
        }
        login("admin");
        assertThat(verify("from=0&to=2").getBody()).contains("\"intact\":false", "\"leaf_index\":1",
                "\"type\":\"MODIFIED\"");
    }

    @Test
    void membersAndStrangersAreRefusedAndBadRangesRejected() {
        assertThat(controller.refused(catchRead(() -> verify(null))).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        login("member");
        assertThat(controller.refused(catchRead(() -> verify(null))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        login("admin");
        assertThatThrownBy(() -> verify("from=x"))
                .hasMessage("from must be a whole number from 0 to 9223372036854775807 but was 'x'");
        assertThatThrownBy(() -> verify("from=-1")).hasMessageContaining("from must be a whole number from 0");
        assertThatThrownBy(() -> verify("from=5&to=2"))
                .hasMessageContaining("from must not be after to");
        assertThatThrownBy(() -> verify("organization_id=globex"))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("organization_id cannot be chosen");
        assertThatThrownBy(() -> verify("form=1")).hasMessageStartingWith("unknown parameter 'form'; accepted: from, to");
    }

    @Test
    void aRangePastTheHeadIsABadRequestNotATamperAlarm() {
        login("admin");
        assertThatThrownBy(() -> verify("from=1000"))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageStartingWith("from 1000 is past the end of the log of acme, 3 leaves");
        assertThat(verify("from=1&to=1000").getBody()).contains("\"intact\":true", "\"leaves_checked\":2",
                "\"tree_size\":3");
    }

    private ResponseEntity<String> verify(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit/chain/verify");
        request.setQueryString(query);
        return controller.verify(request);
    }

    private static void login(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                "n/a", AuthorityUtils.NO_AUTHORITIES));
    }

    private static AuditReadException catchRead(Runnable call) {
        try {
            call.run();
        } catch (AuditReadException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
