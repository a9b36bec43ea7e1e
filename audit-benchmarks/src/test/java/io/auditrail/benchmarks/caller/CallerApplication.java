package io.auditrail.benchmarks.caller;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmarked application: the two services and whatever Boot auto-configures from the
 * properties each {@link CallerVariant} sets, the Auditrail starter included. No component
 * scan, so the JMH classes beside it never become beans.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({NoOpProxyConfiguration.class, JaversJdbcConfiguration.class})
class CallerApplication {

    @Bean
    QuoteService quoteService() {
        return new QuoteService();
    }

    @Bean
    InvoiceService invoiceService(JdbcClient jdbc, DataSource dataSource,
            @Value("${bench.hand-written-audit:false}") boolean handWrittenAudit) {
        return new InvoiceService(jdbc, handWrittenAudit ? new HandWrittenAuditRow(dataSource) : PaymentAudit.NONE);
    }

    @Bean
    DeliveryCounter deliveryCounter() {
        return new DeliveryCounter();
    }
}
