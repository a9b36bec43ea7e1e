package io.auditrail.server.web;

import io.auditrail.server.config.AuditServerProperties;
import io.auditrail.server.tenant.ApiKeyInfo;
import io.auditrail.server.tenant.ApiKeySecrets;
import io.auditrail.server.tenant.IssuedKey;
import io.auditrail.server.tenant.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Issues, lists and revokes organisation API keys, behind the configured admin token
 * ({@code auditrail.server.admin-token}, compared in constant time). With no token configured
 * the endpoints answer 404, as if they did not exist. The raw key appears in the creation
 * answer only.
 */
@RestController
@RequestMapping("/admin/keys")
class AdminKeysController {

    private final TenantDirectory directory;
    private final RequestBodies bodies;
    private final String adminToken;

    AdminKeysController(TenantDirectory directory, RequestBodies bodies, AuditServerProperties properties) {
        String token = properties.getAdminToken();
        this.directory = directory;
        this.bodies = bodies;
        this.adminToken = token == null || token.isBlank() ? null : token;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(HttpServletRequest request) {
        authorize(request);
        JsonNode body = bodies.readJson(request);
        IssuedKey issued;
        try {
            issued = directory.createKey(text(body, "organization_id"), text(body, "plan"), text(body, "name"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Map<String, Object> answer = view(issued.info());
        answer.put("plan", issued.plan().name());
        answer.put("key", issued.secret());
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer);
    }

    @GetMapping
    Map<String, Object> list(HttpServletRequest request,
            @RequestParam(name = "organization_id", required = false) String organizationId) {
        authorize(request);
        return Map.of("keys", directory.keys(organizationId).stream().map(AdminKeysController::view).toList());
    }

    @DeleteMapping("/{id}")
    Map<String, Object> revoke(HttpServletRequest request, @PathVariable("id") String id) {
        authorize(request);
        return directory.revoke(id).map(AdminKeysController::view)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "API key not found"));
    }

    private void authorize(HttpServletRequest request) {
        if (adminToken == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found");
        }
        String presented = BearerTokens.of(request.getHeader(HttpHeaders.AUTHORIZATION)).orElse("");
        if (!ApiKeySecrets.constantTimeEquals(presented, adminToken)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid admin token");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field + " must be a string");
        }
        return value.asString();
    }

    private static Map<String, Object> view(ApiKeyInfo key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id());
        view.put("organization_id", key.organizationId());
        view.put("prefix", key.prefix());
        view.put("name", key.name());
        view.put("created_at", key.createdAt().toString());
        view.put("revoked_at", key.revokedAt() == null ? null : key.revokedAt().toString());
        return view;
    }
}
