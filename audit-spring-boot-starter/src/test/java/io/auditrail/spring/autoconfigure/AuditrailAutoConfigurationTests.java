package io.auditrail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.sink.LogAuditSink;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.spring.internal.aop.AuditedAdvisor;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.fixtures.DefaultInvoiceService;
import io.auditrail.spring.fixtures.InvoiceService;
import io.auditrail.spring.fixtures.Numbering;
import io.auditrail.spring.fixtures.RecordingSink;
import io.auditrail.spring.fixtures.TypoService;
import io.auditrail.spring.security.SpringSecurityActorResolver;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditrailAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, AuditrailAutoConfiguration.class,
                    AuditrailSecurityAutoConfiguration.class, AuditrailWebAutoConfiguration.class))
            .withUserConfiguration(Services.class)
            .withPropertyValues("auditrail.dispatch=sync");

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        RecordingSink recordingSink() {
            return new RecordingSink();
        }

        @Bean
        DefaultInvoiceService invoiceService() {
            return new DefaultInvoiceService();
        }

        @Bean
        Numbering numbering() {
            return new Numbering();
        }
    }

    @Test
    void auditsAnAnnotatedBeanWithDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(AuditedAdvisor.class).hasSingleBean(InvocationAuditor.class)
                    .hasSingleBean(AuditEventCodec.class).hasSingleBean(SpringSecurityActorResolver.class)
                    .doesNotHaveBean(LogAuditSink.class);
            DefaultInvoiceService service = context.getBean(DefaultInvoiceService.class);
            assertThat(AopUtils.isAopProxy(service)).isTrue();

            service.create("acme", "0042");

            AuditEvent event = context.getBean(RecordingSink.class).events.get(0);
            assertThat(event.action()).isEqualTo("invoice.created");
            assertThat(event.resource().id()).isEqualTo("inv-0042");
            assertThat(event.organizationId()).isEqualTo("acme");
            assertThat(event.metadata()).containsEntry("prefix", "INV");
            assertThat(event.actor()).isEqualTo(Actor.system("system"));
        });
    }

    @Test
    void logsOneStartupLineNamingSinkPolicyAndChain() {
        runner.withPropertyValues("auditrail.failure-policy=fail-closed").run(context -> assertThat(
                context.getBean(StartupLog.class).summary().text()).isEqualTo("Auditrail is on: sink recording (sync (after commit)), "
                        + "failure policy fail-closed, transparency log off"));
    }

    @Test
    void theStartupLineSaysWhyEventsOnlyGoToTheLog() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(StartupLog.class).summary().text()).isEqualTo(
                        "Auditrail is on: sink log (async (after commit)), because no DataSource was found (events are only logged; "
                                + "add a DataSource and audit-jdbc-store, or set auditrail.sink), "
                                + "failure policy fail-open, transparency log off"));
    }

    @Test
    void auditsThroughJdkProxiesAndCglibProxies() {
        runner.withPropertyValues("spring.aop.proxy-target-class=false").run(context -> {
            InvoiceService jdkProxy = context.getBean(InvoiceService.class);
            assertThat(AopUtils.isJdkDynamicProxy(jdkProxy)).isTrue();
            jdkProxy.delete("inv-1");
            assertThat(context.getBean(RecordingSink.class).events).extracting(e -> e.resource().id()).containsExactly("inv-1");
        });
        runner.withPropertyValues("spring.aop.proxy-target-class=true").run(context -> {
            DefaultInvoiceService cglib = context.getBean(DefaultInvoiceService.class);
            assertThat(AopUtils.isCglibProxy(cglib)).isTrue();
            cglib.delete("inv-2");
            assertThat(context.getBean(RecordingSink.class).events).extracting(e -> e.resource().id()).containsExactly("inv-2");
        });
    }

    @Test
    void switchesEverythingOff() {
        runner.withPropertyValues("auditrail.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(AuditedAdvisor.class).doesNotHaveBean(AuditEventFactory.class)
                    .doesNotHaveBean(SpringSecurityActorResolver.class);
            context.getBean(DefaultInvoiceService.class).create("acme", "1");
            assertThat(context.getBean(RecordingSink.class).events).isEmpty();
        });
    }

    @Test
    void userBeansWin() {
        runner.withBean(ActorResolver.class, () -> () -> Optional.of(Actor.service("billing-job", "Billing")))
                .withBean(AuditEventCodec.class, AuditEventCodec::new)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SpringSecurityActorResolver.class);
                    context.getBean(DefaultInvoiceService.class).create("acme", "7");
                    assertThat(context.getBean(RecordingSink.class).events.get(0).actor().id()).isEqualTo("billing-job");
                });
    }

    @Test
    void backsOffSpringSecurityWhenItIsAbsent() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SpringSecurityActorResolver.class);
            context.getBean(DefaultInvoiceService.class).create("acme", "8");
            assertThat(context.getBean(RecordingSink.class).events).hasSize(1);
        });
    }

    @Test
    void defaultsToTheLogSinkWhenNoSinkExists() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(AuditSinkDispatchers.class).sinks())
                        .extracting(AuditSinkDispatchers.SinkDispatch::name).containsExactly("log"));
    }

    @Test
    void registersTheLogSinkBesideOtherSinksWhenSelected() {
        runner.withPropertyValues("auditrail.sink=log").run(context -> {
            assertThat(context.getBean(AuditSinks.class).all()).hasAtLeastOneElementOfType(LogAuditSink.class);
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks())
                    .extracting(AuditSinkDispatchers.SinkDispatch::name).containsExactlyInAnyOrder("log", "recording");
        });
    }

    @Test
    void failsStartUpOnATypoInAnExpressionNamingClassMethodAndExpression() {
        runner.withBean(TypoService.class).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause()
                .hasMessageContaining("Invalid @Audited on " + TypoService.class.getName() + ".delete(String)")
                .hasMessageContaining("resourceId expression '#invoiceIdd' is invalid: unknown variable #invoiceIdd"));
    }

    @Test
    void failsStartUpWhenTheJdbcSinkIsSelectedWithoutAStore() {
        runner.withPropertyValues("auditrail.sink=jdbc").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("auditrail.sink lists jdbc but there is no JDBC audit store"));
    }

    @Test
    void usesAsyncDispatchForNonTransactionalSinksByDefault() {
        runner.withPropertyValues("auditrail.dispatch=").run(context -> {
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement()
                    .satisfies(sink -> assertThat(sink.queue()).isNotNull());
            context.getBean(DefaultInvoiceService.class).create("acme", "9");
            org.awaitility.Awaitility.await().until(() -> context.getBean(RecordingSink.class).events.size() == 1);
        });
    }

    @Test
    void configuresTheHostedApiSinkAndRejectsAMissingKeyAtStartUp() {
        runner.withPropertyValues("auditrail.sink=http", "auditrail.http.base-uri=https://audit.example.com",
                "auditrail.http.api-key=al_live_123").run(context -> {
                    assertThat(context.getBean(AuditSinks.class).all())
                            .hasAtLeastOneElementOfType(io.auditrail.core.http.HostedApiSink.class);
                    assertThat(context.getBean(AuditSinkDispatchers.class).sinks())
                            .extracting(AuditSinkDispatchers.SinkDispatch::name).containsExactlyInAnyOrder("http", "recording");
                });
        runner.withPropertyValues("auditrail.sink=http", "auditrail.http.base-uri=https://audit.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("the audit API key must be set"));
    }

    @Test
    void usesTheImplementationsParameterNamesBehindAJdkProxy() {
        runner.withPropertyValues("spring.aop.proxy-target-class=false")
                .withBean(io.auditrail.spring.fixtures.DefaultArchiveService.class)
                .run(context -> {
                    io.auditrail.spring.fixtures.ArchiveService archive =
                            context.getBean(io.auditrail.spring.fixtures.ArchiveService.class);
                    assertThat(AopUtils.isJdkDynamicProxy(archive)).isTrue();

                    archive.archive("inv-9");

                    assertThat(context.getBean(RecordingSink.class).events).singleElement()
                            .satisfies(event -> assertThat(event.resource().id()).isEqualTo("inv-9"));
                });
    }

    @Test
    void startsWhenAnOrganizationResolverDependsOnAnAuditedBean() {
        runner.withBean(io.auditrail.spring.fixtures.TenantResolver.class).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(DefaultInvoiceService.class).delete("inv-3");
            assertThat(context.getBean(RecordingSink.class).events.get(0).organizationId())
                    .isEqualTo("tenant-from-resolver");
        });
    }
}
