package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.micronaut.app.InvoiceService;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The transparency log's jobs with the context, on H2: audited calls are sealed without anyone
 * asking, each new tree checkpointed to the configured sink, and a bad {@code auditrail.chain.*}
 * key fails start-up naming it.
 */
class H2ChainJobsTest {

    private static Map<String, Object> properties(String... more) {
        String table = "mn_chain_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new HashMap<>(Map.of("auditrail.chain.enabled", "true",
                "auditrail.chain.seal-interval", "50ms", "auditrail.chain.checkpoint-interval", "200ms",
                "auditrail.dispatch", "sync",
                "auditrail.jdbc.table-name", table, "auditrail.chain.checkpoint-table-name", table + "_cp"));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void auditedCallsAreSealedAndEveryNewTreeIsCheckpointed() {
        List<String> checkpointed = new CopyOnWriteArrayList<>();
        try (ApplicationContext context = ApplicationContext.builder().environments("h2").properties(properties())
                .build()) {
            context.registerSingleton(CheckpointSink.class,
                    (CheckpointSink) (organization, note) -> checkpointed.add(organization + " " + note.body().split("\n")[1]));
            context.start();
            InvoiceService invoices = context.getBean(InvoiceService.class);
            invoices.pay("inv-1", "acme", BigDecimal.ONE);
            invoices.pay("inv-2", "acme", BigDecimal.TEN);
            invoices.pay("inv-3", "globex", BigDecimal.ONE);

            assertThat(context.getBean(StartupLog.class).summary().text()).contains("transparency log")
                    .doesNotContain("transparency log off");
            JdbcAuditChain chain = context.getBean(JdbcAuditChain.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> chain.sealedOrganizations().containsAll(
                    List.of("acme", "globex")));
            // The start-up pass may seal and checkpoint acme at size 1 while the calls run; the
            // periodic checkpoint then brings it to 2.
            await().atMost(Duration.ofSeconds(30)).until(() -> checkpointed.contains("acme 2")
                    && checkpointed.contains("globex 1"));
            LogVerification acme = chain.verify("acme", null, null);
            assertThat(acme.intact()).isTrue();
            assertThat(acme.treeSize()).isEqualTo(2);
        }
    }

    @Test
    void aBadChainKeyFailsStartUpNamingIt() {
        assertThatThrownBy(() -> ApplicationContext.builder().environments("h2")
                .properties(properties("auditrail.chain.seal-interval", "0s")).start().close())
                .hasStackTraceContaining("auditrail.chain.seal-interval must be positive");
    }
}
