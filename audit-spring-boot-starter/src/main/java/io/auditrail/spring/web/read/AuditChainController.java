package io.auditrail.spring.web.read;

import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET {base}/chain/verify?from=&to=}: verifies the caller's organisation's Merkle log,
 * whole or the events of a range of leaf indexes, for organisation admins only. Answers 200 with
 * {@code intact} true or false and the first problem's leaf index and class; a range that starts
 * past the log's end is a 400, and one that ends past it is checked up to the end.
 */
@RestController
@RequestMapping("${auditrail.web.base-path:/audit}")
public class AuditChainController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcAuditChain chain;
    private final AuditReadScopeResolver scopes;

    /**
     * Creates the controller.
     *
     * @param chain the chain to verify
     * @param scopes decides whose chain the caller may verify
     */
    public AuditChainController(JdbcAuditChain chain, AuditReadScopeResolver scopes) {
        this.chain = chain;
        this.scopes = scopes;
    }

    @GetMapping("/chain/verify")
    ResponseEntity<String> verify(HttpServletRequest request) {
        AuditReadScope scope = adminScope();
        AuditQueryParameters parameters = AuditQueryParameters.of(request, AuditQueryParameters.VERIFY);
        Long first = parameters.number("from", 0, Long.MAX_VALUE);
        Long last = parameters.number("to", 0, Long.MAX_VALUE);
        if (first != null && last != null && first > last) {
            throw new InvalidAuditQueryException("from must not be after to");
        }
        LogVerification result = chain.verify(scope.organizationId(), first, last);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", scope.organizationId());
        body.put("intact", result.intact());
        body.put("leaves_checked", result.leavesChecked());
        body.put("tree_size", result.treeSize());
        if (result.problem() == null) {
            body.put("problem", null);
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("leaf_index", result.problem().leafIndex());
            problem.put("type", result.problem().type().name());
            problem.put("detail", result.problem().detail());
            body.put("problem", problem);
        }
        return json(HttpStatus.OK, JSON.writeValueAsString(body));
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ResponseEntity<String> badRequest(InvalidAuditQueryException e) {
        return json(HttpStatus.BAD_REQUEST, JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    @ExceptionHandler(AuditReadException.class)
    ResponseEntity<String> refused(AuditReadException e) {
        return json(e.status(), JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }

    private AuditReadScope adminScope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuditReadException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        AuditReadScope scope = scopes.resolve(authentication).orElseThrow(() -> new AuditReadException(
                HttpStatus.FORBIDDEN, "you belong to no organisation, so there is no chain you may verify"));
        if (!scope.admin()) {
            throw new AuditReadException(HttpStatus.FORBIDDEN, "only organisation admins may verify the chain");
        }
        return scope;
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
