package io.auditrail.e2e;

import io.auditrail.annotations.Audited;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application as users write one: the starter configured by properties only
 * ({@code auditrail.sink=http}, {@code auditrail.dispatch=outbox}) and an {@code @Audited}
 * {@code @Transactional} service inserting a business row. No component scan, so nothing of the
 * server on the same classpath is picked up; its {@code application.properties} is not read either.
 *
 * <p>{@link #main} is the child JVM of the crash test: it creates invoices until it is killed,
 * printing {@code COMMITTED <invoice id>} after each commit and {@code ROLLED_BACK <invoice id>}
 * after each rolled-back one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class InvoiceApp {

    /** Property naming the business table. */
    static final String TABLE_PROPERTY = "invoices.table";
    /** Property: milliseconds between two calls of the child's loop, 0 (the default) for none. */
    static final String PAUSE_PROPERTY = "invoices.pause-millis";

    @Bean
    InvoiceService invoiceService(JdbcTemplate jdbc, @Value("${" + TABLE_PROPERTY + "}") String table) {
        return new InvoiceService(jdbc, table);
    }

    /**
     * Starts the application without a web server.
     *
     * @param properties Spring properties, passed as command-line arguments so they win over anything on the classpath
     * @return the running context
     */
    static ConfigurableApplicationContext start(Map<String, String> properties) {
        return new SpringApplicationBuilder(InvoiceApp.class).web(WebApplicationType.NONE).run(arguments(properties));
    }

    /**
     * The command line {@link #start} and the child JVM use.
     *
     * @param properties Spring properties
     * @return {@code --name=value} arguments
     */
    static String[] arguments(Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        // The server's application.properties is on the same test classpath: read none.
        args.add("--spring.config.name=invoice-app");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args.toArray(String[]::new);
    }

    /**
     * Runs the child: creates invoices until killed; every seventh is refused and rolls back.
     *
     * @param args {@code --name=value} Spring properties
     */
    public static void main(String[] args) {
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(InvoiceApp.class).web(WebApplicationType.NONE).run(args);
        InvoiceService invoices = context.getBean(InvoiceService.class);
        long pause = context.getEnvironment().getProperty(PAUSE_PROPERTY, Long.class, 0L);
        try {
            for (int i = 0; ; i++) {
                if (pause > 0) {
                    Thread.sleep(pause);
                }
                String id = (i % 7 == 6 ? "bad-" : "inv-") + i;
                try {
                    invoices.create(id, null);
                    System.out.println("COMMITTED " + id);
                } catch (IllegalStateException refused) {
                    System.out.println("ROLLED_BACK " + id);
                }
                System.out.flush();
            }
        } catch (RuntimeException | InterruptedException unexpected) {
            // The relay's threads would keep the JVM alive; end it so the parent sees the failure at once.
            unexpected.printStackTrace();
            System.exit(1);
        }
    }

    /** The audited business service. */
    public static class InvoiceService {

        private final JdbcTemplate jdbc;
        private final String table;

        InvoiceService(JdbcTemplate jdbc, String table) {
            this.jdbc = jdbc;
            this.table = table;
        }

        /**
         * Inserts an invoice; ids starting with {@code bad} are refused after the insert, so their
         * transaction rolls back.
         *
         * @param invoiceId the invoice id
         * @param organizationId organisation the event is recorded for, or {@code null} for the key's own
         */
        @Transactional
        @Audited(action = "invoice.created", resourceType = "invoice", resourceId = "#invoiceId",
                organizationId = "#organizationId")
        public void create(String invoiceId, String organizationId) {
            jdbc.update("insert into " + table + " (id) values (?)", invoiceId);
            if (invoiceId.startsWith("bad")) {
                throw new IllegalStateException("invoice refused");
            }
        }
    }
}
