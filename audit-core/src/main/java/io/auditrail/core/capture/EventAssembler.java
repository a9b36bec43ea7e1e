package io.auditrail.core.capture;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one call's captured values into an event. A value that cannot be resolved (its
 * source threw, a resource id or organisation is {@code null}, an id breaks the identifier
 * rules) never costs the event: the resource id becomes {@link InvocationAuditor#UNKNOWN_RESOURCE_ID},
 * an organisation falls back to the caller's, a name or metadata value is left empty, and the
 * event's {@link InvocationAuditor#CAPTURE_PROBLEMS_KEY} metadata entry lists each such value.
 * Only a call that threw leaves {@code #result} values unresolved without a problem: it has no result.
 */
final class EventAssembler {

    /** Bounds one problem line, so that the entry stays far below the metadata size limit. */
    private static final int MAX_PROBLEM_LENGTH = 240;
    private static final String CUT = "…";

    private final AuditEventFactory factory;

    EventAssembler(AuditEventFactory factory) {
        this.factory = factory;
    }

    /**
     * A value whose source threw, kept in its slot until the event is assembled.
     *
     * @param error what the source threw
     */
    record Unresolved(Throwable error) {
    }

    /**
     * The event and the problems it records.
     *
     * @param event the validated event
     * @param problems the unresolved values, empty when there were none
     */
    record Assembled(AuditEvent event, List<String> problems) {
    }

    Assembled assemble(AuditedMethodPlan plan, AuditEventFactory.CallerContext caller, Object[] values,
            Outcome outcome, boolean failed) {
        Draft draft = new Draft(plan, values, failed);
        String resourceId = draft.identifier(plan.resourceIdSlot(), "resource.id");
        Resource resource = new Resource(plan.resourceType(), resourceId == null ? InvocationAuditor.UNKNOWN_RESOURCE_ID
                : resourceId, draft.text(plan.resourceNameSlot()));
        String organizationId = draft.identifier(plan.organizationIdSlot(), "organization_id");
        Map<String, Object> metadata = draft.metadata(false);
        try {
            return new Assembled(build(caller, plan, resource, organizationId, draft.withProblems(metadata), outcome),
                    draft.problems());
        } catch (InvalidAuditEventException e) {
            // Identifiers were checked above, so the metadata is what broke a rule (size, depth, a cycle).
            draft.problem("metadata", "computed values left out: " + e.getMessage());
            Map<String, Object> literalsOnly = draft.withProblems(draft.metadata(true));
            return new Assembled(build(caller, plan, resource, organizationId, literalsOnly, outcome), draft.problems());
        }
    }

    private AuditEvent build(AuditEventFactory.CallerContext caller, AuditedMethodPlan plan, Resource resource,
            String organizationId, Map<String, Object> metadata, Outcome outcome) {
        return caller == null ? factory.create(plan.action(), resource, organizationId, metadata, outcome)
                : factory.createFor(caller, plan.action(), resource, organizationId, metadata, outcome);
    }

    /** One call's values and the problems found while reading them. */
    private final class Draft {
        private final AuditedMethodPlan plan;
        private final Object[] values;
        private final boolean failed;
        private List<String> problems;

        Draft(AuditedMethodPlan plan, Object[] values, boolean failed) {
            this.plan = plan;
            this.values = values;
            this.failed = failed;
        }

        /** An id or organisation: required when its source is set, and held to the identifier rules. */
        String identifier(int slot, String field) {
            if (slot < 0) {
                return null;
            }
            if (values[slot] == null) {
                if (!(failed && plan.sources().get(slot).readsResult())) {
                    problem(slot, "was null");
                }
                return null;
            }
            String text = text(slot);
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                problem(slot, "was blank");
                return null;
            }
            try {
                factory.validator().checkIdentifier(field, text);
                return text;
            } catch (InvalidAuditEventException e) {
                problem(slot, "is not a valid identifier: " + e.getMessage());
                return null;
            }
        }

        String text(int slot) {
            if (slot < 0) {
                return null;
            }
            Object value = values[slot];
            if (value instanceof Unresolved unresolved) {
                problem(slot, threw(unresolved.error()));
                return null;
            }
            if (value == null) {
                return null;
            }
            try {
                return value.toString();
            } catch (RuntimeException | StackOverflowError e) {
                problem(slot, "toString() " + threw(e));
                return null;
            }
        }

        Map<String, Object> metadata(boolean literalsOnly) {
            if (plan.metadataKeys().isEmpty()) {
                return Map.of();
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            List<ValueSource> sources = plan.sources();
            for (int i = 0; i < plan.metadataKeys().size(); i++) {
                int slot = plan.firstMetadataSlot() + i;
                Object value = values[slot];
                if (value instanceof Unresolved unresolved) {
                    if (!literalsOnly) {
                        problem(slot, threw(unresolved.error()));
                    }
                    value = null;
                } else if (literalsOnly && !(sources.get(slot) instanceof ValueSource.Literal)) {
                    value = null;
                }
                metadata.put(plan.metadataKeys().get(i), value);
            }
            return metadata;
        }

        Map<String, Object> withProblems(Map<String, Object> metadata) {
            if (problems == null) {
                return metadata;
            }
            Map<String, Object> withProblems = metadata.isEmpty() ? new LinkedHashMap<>() : metadata;
            withProblems.put(InvocationAuditor.CAPTURE_PROBLEMS_KEY, List.copyOf(problems));
            return withProblems;
        }

        List<String> problems() {
            return problems == null ? List.of() : List.copyOf(problems);
        }

        void problem(int slot, String reason) {
            problem(plan.attribute(slot) + " from " + plan.sources().get(slot).describe(), reason);
        }

        void problem(String what, String reason) {
            String line = what + ": " + reason;
            if (line.length() > MAX_PROBLEM_LENGTH) {
                int end = MAX_PROBLEM_LENGTH - CUT.length();
                if (Character.isHighSurrogate(line.charAt(end - 1))) {
                    end--;
                }
                line = line.substring(0, end) + CUT;
            }
            if (problems == null) {
                problems = new ArrayList<>(2);
            }
            problems.add(line);
        }

        /** The exception's type always; its message only where failure outcomes keep messages. */
        private String threw(Throwable error) {
            Outcome described = factory.failure(error);
            return "threw " + described.errorType()
                    + (described.errorMessage() == null ? "" : ": " + described.errorMessage());
        }
    }
}
