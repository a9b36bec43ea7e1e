package io.auditrail.micronaut.web;

import io.auditrail.core.internal.chain.ChainReads;
import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.internal.chain.ProofReads;
import io.auditrail.core.internal.query.AuditReads;
import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.chain.InclusionProof;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.utils.SecurityService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The transparency log's read endpoints ({@code auditrail.chain.enabled: true}), answering exactly
 * as the starter's do (core's {@link ChainReads} and {@link ProofReads}), always on the caller's own organisation's log:
 * {@code GET {base}/events/{id}/proof} (scoped like the event itself), {@code /chain/checkpoint},
 * {@code /chain/checkpoints} and {@code /chain/consistency?from=&to=} for members, and
 * {@code /chain/verify?from=&to=} for admins. Open to anonymous requests at the security layer,
 * so that a caller without credentials gets this controller's JSON 401.
 */
@Controller("${auditrail.web.base-path:/audit}")
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.web.enabled", value = "true")
@Requires(beans = {AuditStore.class, JdbcAuditChain.class, LogKeys.class})
@Requires(classes = SecurityService.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditChainController {

    private final ChainReads reads;
    private final ProofReads proofs;
    private final SecurityService security;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param chain the log
     * @param store where events are read, scoped
     * @param keys the log's keys: the proof's check uses its hasher, verifier and origin prefix
     * @param security the current authentication
     * @param scopes decides what each caller may read
     */
    public AuditChainController(JdbcAuditChain chain, AuditStore store, LogKeys keys, SecurityService security,
            AuditReadScopeResolver scopes) {
        ChainReads.ReadableLog log = readable(chain);
        this.reads = new ChainReads(log);
        this.proofs = new ProofReads(log, store, keys.hasher(), keys.verifier(), keys.originPrefix());
        this.security = security;
        this.scopes = scopes;
    }

    @Get("/events/{id}/proof")
    MutableHttpResponse<String> proof(@PathVariable("id") String id, HttpRequest<?> request) {
        ProofReads.Answer answer = proofs.proof(ReadCallers.scope(security, scopes), id, request.getUri().getRawQuery());
        return ReadCallers.json(HttpStatus.valueOf(answer.status()), answer.json());
    }

    @Get("/chain/verify")
    MutableHttpResponse<String> verify(HttpRequest<?> request) {
        return ReadCallers.json(HttpStatus.OK,
                reads.verify(ReadCallers.scope(security, scopes), request.getUri().getRawQuery()));
    }

    @Get("/chain/checkpoint")
    MutableHttpResponse<String> checkpoint(HttpRequest<?> request) {
        String note = reads.checkpoint(ReadCallers.scope(security, scopes), request.getUri().getRawQuery());
        return HttpResponse.ok(note).contentType(MediaType.of("text/plain;charset=UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/chain/consistency")
    MutableHttpResponse<String> consistency(HttpRequest<?> request) {
        return ReadCallers.json(HttpStatus.OK,
                reads.consistency(ReadCallers.scope(security, scopes), request.getUri().getRawQuery()));
    }

    @Get("/chain/checkpoints")
    MutableHttpResponse<String> checkpoints(HttpRequest<?> request) {
        List<String> lines = reads.checkpointLines(ReadCallers.scope(security, scopes), request.getUri().getRawQuery());
        return HttpResponse.ok(String.join("", lines)).contentType(MediaType.of("application/jsonl;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-checkpoints.jsonl\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Error(exception = InvalidAuditQueryException.class)
    MutableHttpResponse<String> badRequest(InvalidAuditQueryException e) {
        return ReadCallers.json(HttpStatus.BAD_REQUEST, AuditReads.errorBody(e.getMessage()));
    }

    @Error(exception = ReadRefusedException.class)
    MutableHttpResponse<String> refused(ReadRefusedException e) {
        return ReadCallers.json(HttpStatus.valueOf(e.status()), AuditReads.errorBody(e.getMessage()));
    }

    private static ChainReads.ReadableLog readable(JdbcAuditChain chain) {
        return new ChainReads.ReadableLog() {
            @Override
            public ChainReads.@Nullable Proof inclusionProof(UUID eventId) {
                InclusionProof proof = chain.inclusionProof(eventId);
                return proof == null ? null : new ChainReads.Proof(proof.organizationId(), proof.leafIndex(),
                        proof.treeSize(), proof.path(), proof.checkpoint().note());
            }

            @Override
            public ChainReads.@Nullable Checkpoint latestCheckpoint(String organizationId) {
                return checkpoint(chain.latestCheckpoint(organizationId));
            }

            @Override
            public ChainReads.@Nullable Checkpoint checkpoint(String organizationId, long size) {
                return checkpoint(chain.checkpoint(organizationId, size));
            }

            @Override
            public List<byte[]> consistencyProof(String organizationId, long from, long to) {
                return chain.consistencyProof(organizationId, from, to);
            }

            @Override
            public List<SignedNote> checkpointNotes(String organizationId) {
                List<SignedNote> notes = new ArrayList<>();
                chain.checkpoints(organizationId).forEach(checkpoint -> notes.add(checkpoint.note()));
                notes.addAll(chain.retentionRecords(organizationId));
                return notes;
            }

            @Override
            public LogVerification verify(String organizationId, @Nullable Long from, @Nullable Long to) {
                return chain.verify(organizationId, from, to);
            }

            private ChainReads.@Nullable Checkpoint checkpoint(@Nullable SignedCheckpoint checkpoint) {
                return checkpoint == null ? null : new ChainReads.Checkpoint(checkpoint.checkpoint().size(),
                        checkpoint.note());
            }
        };
    }
}
