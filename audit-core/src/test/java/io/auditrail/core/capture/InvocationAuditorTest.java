package io.auditrail.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.AuditedServices.DefaultMemberService;
import io.auditrail.core.capture.AuditedServices.Invoice;
import io.auditrail.core.capture.AuditedServices.InvoiceNotFoundException;
import io.auditrail.core.capture.AuditedServices.InvoiceService;
import io.auditrail.core.capture.AuditedServices.Pet;
import io.auditrail.core.capture.AuditedServices.PetService;
import io.auditrail.core.capture.AuditedServices.SettingsService;
import io.auditrail.core.dispatch.AuditQueueFullException;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.validation.MetadataRedactor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class InvocationAuditorTest {

    private final RecordingDispatcher dispatcher = new RecordingDispatcher();
    private final List<String> captureFailures = new CopyOnWriteArrayList<>();
    private final List<String> captureProblems = new CopyOnWriteArrayList<>();
    private final AuditMonitor monitor = new AuditMonitor() {
        @Override
        public void captureFailed(String method, Throwable error) {
            captureFailures.add(method);
        }

        @Override
        public void captureProblems(String method, List<String> problems) {
            problems.forEach(problem -> captureProblems.add(method + " | " + problem));
        }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00.000001Z"), ZoneOffset.UTC);
    private Optional<Actor> currentActor = Optional.of(Actor.user("alice", "Alice", "alice@example.com"));
    private final AuditEventFactory factory = AuditEventFactory.builder()
            .clock(clock)
            .actorResolver(() -> currentActor)
            .requestContextProvider(() -> Optional.of(new RequestContext("198.51.100.7", "JUnit", "req-9")))
            .defaultOrganizationId("default-org")
            .build();
    private final AuditedMethods methods = new AuditedMethods(new FakeExpressionEvaluator(), factory.validator());
    private final InvoiceService invoices = new InvoiceService();

    private InvocationAuditor auditor(AuditFailurePolicy policy) {
        return new InvocationAuditor(methods, factory, dispatcher, policy, monitor);
    }

    @Test
    void recordsASuccessWithResultExpressionsStaticMetadataAndRedaction() throws Throwable {
        Object result = auditor(AuditFailurePolicy.FAIL_OPEN)
                .invoke(ReflectiveInvocation.of(invoices, "create", "acme", new BigDecimal("99.90")));

        assertThat(result).isEqualTo(new Invoice("inv-1", "INV-0001", "acme", new BigDecimal("99.90")));
        assertThat(dispatcher.events).hasSize(1);
        AuditEvent event = dispatcher.events.get(0);
        assertThat(event.action()).isEqualTo("invoice.created");
        assertThat(event.resource().type()).isEqualTo("invoice");
        assertThat(event.resource().id()).isEqualTo("inv-1");
        assertThat(event.resource().name()).isEqualTo("INV-0001");
        assertThat(event.organizationId()).isEqualTo("acme");
        assertThat(event.actor()).isEqualTo(Actor.user("alice", "Alice", "alice@example.com"));
        assertThat(event.outcome()).isEqualTo(Outcome.success());
        assertThat(event.context()).isEqualTo(new RequestContext("198.51.100.7", "JUnit", "req-9"));
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-23T09:00:00.000001Z"));
        assertThat(event.metadata()).containsEntry("amount", new BigDecimal("99.9")).containsEntry("channel", "api")
                .containsEntry("password", MetadataRedactor.MASK);
    }

    @Test
    void rethrowsTheMethodsOwnExceptionUnchangedAndRecordsAFailure() {
        InvocationAuditor auditor = auditor(AuditFailurePolicy.FAIL_CLOSED);
        ReflectiveInvocation call = ReflectiveInvocation.of(invoices, "delete", "acme", "missing");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> auditor.invoke(call));

        assertThat(thrown).isExactlyInstanceOf(InvoiceNotFoundException.class).hasMessage("no invoice missing")
                .hasNoSuppressedExceptions();
        AuditEvent event = dispatcher.events.get(0);
        assertThat(event.outcome()).isEqualTo(Outcome.failure(InvoiceNotFoundException.class.getName(), null));
        assertThat(event.resource().id()).isEqualTo("missing");
        assertThat(event.organizationId()).isEqualTo("acme");
    }

    @Test
    void keepsTheMethodsExceptionWhenRecordingTheFailureAlsoFails() {
        dispatcher.failure = new AuditQueueFullException("full");
        ReflectiveInvocation call = ReflectiveInvocation.of(invoices, "delete", "acme", "missing");

        assertThatThrownBy(() -> auditor(AuditFailurePolicy.FAIL_CLOSED).invoke(call))
                .isExactlyInstanceOf(InvoiceNotFoundException.class).hasNoSuppressedExceptions();
        assertThat(captureFailures).hasSize(1);
    }

    @Test
    void skipsFailuresWhenTheAnnotationSaysSo() {
        assertThatThrownBy(() -> auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(invoices, "view", "i-1")))
                .isInstanceOf(InvoiceNotFoundException.class);
        assertThat(dispatcher.events).isEmpty();
    }

    @Test
    void failOpenKeepsTheBusinessResultWhenTheAuditCannotBeRecorded() throws Throwable {
        dispatcher.failure = new AuditQueueFullException("full");

        Object result = auditor(AuditFailurePolicy.FAIL_OPEN)
                .invoke(ReflectiveInvocation.of(invoices, "create", "acme", BigDecimal.ONE));

        assertThat(result).isInstanceOf(Invoice.class);
        assertThat(captureFailures).containsExactly(InvoiceService.class.getName() + ".create(String, BigDecimal)");
    }

    @Test
    void failClosedFailsTheBusinessCallWhenTheAuditCannotBeRecorded() {
        dispatcher.failure = new AuditQueueFullException("queue is full");

        assertThatThrownBy(() -> auditor(AuditFailurePolicy.FAIL_CLOSED)
                .invoke(ReflectiveInvocation.of(invoices, "create", "acme", BigDecimal.ONE)))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("Could not record audit event 'invoice.created'")
                .hasRootCauseInstanceOf(AuditQueueFullException.class);
    }

    @Test
    void aNullResultIdIsRecordedAsUnknownAndNamedInTheEventInsteadOfLosingIt() throws Throwable {
        auditor(AuditFailurePolicy.FAIL_CLOSED).invoke(ReflectiveInvocation.of(invoices, "archive", "i-1"));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.success());
            assertThat(event.resource().id()).isEqualTo(InvocationAuditor.UNKNOWN_RESOURCE_ID);
            assertThat(event.metadata()).containsEntry(InvocationAuditor.CAPTURE_PROBLEMS_KEY,
                    List.of("resourceId from expression '#result': was null"));
        });
        assertThat(captureProblems).containsExactly(InvoiceService.class.getName() + ".archive(String) | "
                + "resourceId from expression '#result': was null");
        assertThat(captureFailures).isEmpty();
    }

    @Test
    void aThrowingExpressionStillRecordsTheEventEvenFailClosed() throws Throwable {
        ReflectiveInvocation call = ReflectiveInvocation.of(invoices, "send", null, "bob@example.com");

        Object returned = auditor(AuditFailurePolicy.FAIL_CLOSED).invoke(call);
        invoices.pendingSend.complete("sent");

        assertThat(((CompletableFuture<?>) returned).get()).isEqualTo("sent");
        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo(InvocationAuditor.UNKNOWN_RESOURCE_ID);
            assertThat(event.metadata()).containsEntry("to", "bob@example.com").containsEntry(
                    InvocationAuditor.CAPTURE_PROBLEMS_KEY,
                    List.of("resourceId from expression '#invoice.id': threw java.lang.IllegalStateException"));
        });
        assertThat(captureProblems).hasSize(1);
        assertThat(captureFailures).isEmpty();
    }

    @Test
    void readsArgumentsAfterTheCallSoAnIdAssignedDuringItIsRecorded() throws Throwable {
        PetService pets = new PetService();
        Pet rex = new Pet("Rex");

        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(pets, "save", rex));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo("1");
            assertThat(event.resource().name()).isEqualTo("Rex");
            assertThat(event.metadata()).doesNotContainKey(InvocationAuditor.CAPTURE_PROBLEMS_KEY);
        });
        assertThat(captureProblems).isEmpty();
    }

    @Test
    void takesBeforeCallMetadataBeforeTheMethodChangesIt() throws Throwable {
        PetService pets = new PetService();
        Pet rex = new Pet("Rex");
        pets.save(rex);

        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(pets, "changeStatus", rex, "adopted"));

        assertThat(dispatcher.events).singleElement().satisfies(event -> assertThat(event.metadata())
                .containsEntry("previous_status", "new").containsEntry("status", "adopted"));
    }

    @Test
    void aThrowingMetadataExpressionLeavesAnEmptyValueAndKeepsTheRest() throws Throwable {
        PetService pets = new PetService();
        Pet rex = new Pet("Rex");
        pets.save(rex);

        auditor(AuditFailurePolicy.FAIL_CLOSED).invoke(ReflectiveInvocation.of(pets, "adopt", rex));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo("1");
            assertThat(event.metadata()).containsEntry("owner", null).containsEntry("channel", "shelter")
                    .containsEntry(InvocationAuditor.CAPTURE_PROBLEMS_KEY, List.of("metadata 'owner' from expression "
                            + "'#pet.owner.name': threw java.lang.IllegalStateException"));
        });
    }

    @Test
    void aNullOrganisationFallsBackToTheCallersAndIsNamedAsAProblem() throws Throwable {
        PetService pets = new PetService();
        Pet rex = new Pet("Rex");
        pets.save(rex);

        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(pets, "move", rex, null));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.organizationId()).isEqualTo("default-org");
            assertThat(event.metadata()).containsEntry(InvocationAuditor.CAPTURE_PROBLEMS_KEY,
                    List.of("organizationId from expression '#shelter': was null"));
        });
    }

    @Test
    void anIdBreakingTheIdentifierRulesIsRecordedAsUnknownNotRejected() throws Throwable {
        auditor(AuditFailurePolicy.FAIL_CLOSED)
                .invoke(ReflectiveInvocation.of(new AuditedServices.AnyIdService(), "touch", "evil\r\nid"));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo(InvocationAuditor.UNKNOWN_RESOURCE_ID);
            assertThat((List<?>) event.metadata().get(InvocationAuditor.CAPTURE_PROBLEMS_KEY)).singleElement()
                    .asString().startsWith("resourceId from argument 'thing': is not a valid identifier: resource.id "
                            + "contains control character U+000D");
        });
    }

    @Test
    void metadataOverTheSizeLimitKeepsTheEventWithItsLiteralsAndSaysWhy() throws Throwable {
        AuditEventFactory small = AuditEventFactory.builder().clock(clock)
                .limits(new io.auditrail.core.validation.AuditLimits(255, 1024, 600, 16)).build();
        InvocationAuditor auditor = new InvocationAuditor(methods, small, dispatcher, AuditFailurePolicy.FAIL_CLOSED,
                monitor);
        PetService pets = new PetService();
        Pet rex = new Pet("R".repeat(700));
        pets.save(rex);

        auditor.invoke(ReflectiveInvocation.of(pets, "changeStatus", rex, "x".repeat(700)));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.metadata()).containsEntry("status", null).containsEntry("previous_status", null);
            assertThat((List<?>) event.metadata().get(InvocationAuditor.CAPTURE_PROBLEMS_KEY)).singleElement()
                    .asString().startsWith("metadata: computed values left out: metadata is ");
        });
        assertThat(captureFailures).isEmpty();
    }

    @Test
    void passesUnauditedMethodsStraightThrough() throws Throwable {
        auditor(AuditFailurePolicy.FAIL_CLOSED).invoke(ReflectiveInvocation.of(invoices, "unaudited"));

        assertThat(invoices.calls).isEqualTo(1);
        assertThat(dispatcher.events).isEmpty();
    }

    @Test
    void recordsACompletionStageWhenItCompletes() throws Throwable {
        Invoice invoice = new Invoice("inv-7", "INV-7", "acme", BigDecimal.TEN);
        @SuppressWarnings("unchecked")
        CompletableFuture<String> returned = (CompletableFuture<String>) auditor(AuditFailurePolicy.FAIL_OPEN)
                .invoke(ReflectiveInvocation.of(invoices, "send", invoice, "bob@example.com"));

        assertThat(dispatcher.events).isEmpty();
        assertThat(returned).as("fail-open hands back the method's own stage").isSameAs(invoices.pendingSend);
        invoices.pendingSend.complete(null);

        assertThat(returned.get()).isNull();
        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.resource().type()).isEqualTo("document");
            assertThat(event.resource().id()).isEqualTo("inv-7");
            assertThat(event.metadata()).containsEntry("to", "bob@example.com");
            assertThat(event.organizationId()).isEqualTo("default-org");
        });
    }

    @Test
    void recordsAFailedCompletionStageWithTheUnwrappedExceptionAndKeepsItForTheCaller() throws Throwable {
        Invoice invoice = new Invoice("inv-8", "INV-8", "acme", BigDecimal.TEN);
        @SuppressWarnings("unchecked")
        CompletableFuture<String> returned = (CompletableFuture<String>) auditor(AuditFailurePolicy.FAIL_CLOSED)
                .invoke(ReflectiveInvocation.of(invoices, "send", invoice, "bob@example.com"));

        invoices.pendingSend.completeExceptionally(new InvoiceNotFoundException("gone"));

        assertThatThrownBy(returned::get).isInstanceOf(ExecutionException.class)
                .hasCauseExactlyInstanceOf(InvoiceNotFoundException.class);
        assertThat(dispatcher.events).singleElement()
                .satisfies(event -> assertThat(event.outcome().errorType()).isEqualTo(InvoiceNotFoundException.class.getName()));
    }

    @Test
    void failClosedFailsTheReturnedStageWhenTheAuditCannotBeRecorded() throws Throwable {
        Invoice invoice = new Invoice("inv-9", "INV-9", "acme", BigDecimal.TEN);
        @SuppressWarnings("unchecked")
        CompletableFuture<String> returned = (CompletableFuture<String>) auditor(AuditFailurePolicy.FAIL_CLOSED)
                .invoke(ReflectiveInvocation.of(invoices, "send", invoice, "bob@example.com"));
        dispatcher.failure = new AuditQueueFullException("full");

        invoices.pendingSend.complete("sent");

        assertThatThrownBy(returned::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AuditException.class);
    }

    @Test
    void readsAnnotationsFromInterfacesAndParameterAnnotationsFromInterfaceMethods() throws Throwable {
        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(new DefaultMemberService(), "remove", "m-3"));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("member.removed");
            assertThat(event.resource().id()).isEqualTo("m-3");
        });
    }

    @Test
    void appliesTypeLevelAnnotationsToPublicMethodsAndLetsMethodLevelOnesWin() throws Throwable {
        SettingsService settings = new SettingsService();
        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(settings, "update", "theme", "dark"));
        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(settings, "reset", "all"));

        assertThat(dispatcher.events).extracting(AuditEvent::action).containsExactly("settings.changed", "settings.reset");
        assertThat(dispatcher.events).extracting(event -> event.resource().id()).containsExactly("theme", "all");
        assertThat(methods.isAudited(SettingsService.class.getDeclaredMethod("internal", String.class), SettingsService.class))
                .isFalse();
        assertThat(methods.isAudited(SettingsService.class.getMethod("toString"), SettingsService.class)).isFalse();
    }

    @Test
    void recordsTheSystemActorWhenNobodyIsAuthenticated() throws Throwable {
        currentActor = Optional.empty();

        auditor(AuditFailurePolicy.FAIL_OPEN).invoke(ReflectiveInvocation.of(invoices, "delete", "acme", "inv-1"));

        assertThat(dispatcher.events.get(0).actor()).isEqualTo(new Actor("system", null, null, ActorType.SYSTEM));
    }

    @Test
    void anErrorInAnArgumentsToStringStillRecordsTheEvent() throws Throwable {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new StackOverflowError("cyclic toString");
            }
        };
        InvocationAuditor auditor = auditor(AuditFailurePolicy.FAIL_CLOSED);

        auditor.invoke(ReflectiveInvocation.of(new AuditedServices.AnyIdService(), "touch", hostile));

        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.resource().id()).isEqualTo(InvocationAuditor.UNKNOWN_RESOURCE_ID);
            assertThat(event.metadata()).containsEntry(InvocationAuditor.CAPTURE_PROBLEMS_KEY,
                    List.of("resourceId from argument 'thing': toString() threw java.lang.StackOverflowError"));
        });
        assertThat(captureFailures).isEmpty();
    }

    @Test
    void anAsyncMethodCompletedOnAnotherThreadStillNamesTheCaller() throws Throwable {
        ThreadLocal<Actor> securityContext = ThreadLocal.withInitial(() -> null);
        AuditEventFactory threadBound = AuditEventFactory.builder().clock(clock)
                .actorResolver(() -> Optional.ofNullable(securityContext.get())).build();
        InvocationAuditor auditor = new InvocationAuditor(methods, threadBound, dispatcher, AuditFailurePolicy.FAIL_OPEN,
                monitor);
        securityContext.set(Actor.user("alice", null, null));
        Invoice invoice = new Invoice("inv-10", "INV-10", "acme", BigDecimal.ONE);

        auditor.invoke(ReflectiveInvocation.of(invoices, "send", invoice, "bob@example.com"));
        Thread completer = new Thread(() -> invoices.pendingSend.complete("sent"));
        completer.start();
        completer.join();

        assertThat(dispatcher.events).singleElement()
                .satisfies(event -> assertThat(event.actor().id()).isEqualTo("alice"));
    }
}
