package io.auditrail.sample.apikey;

import io.auditrail.annotations.AuditResourceId;
import io.auditrail.annotations.Audited;
import io.auditrail.sample.Ids;
import io.auditrail.sample.NotFoundException;
import io.auditrail.sample.security.CurrentMember;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys of the current organisation. */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final CurrentMember currentMember;
    private final PasswordEncoder passwordEncoder;

    ApiKeyService(ApiKeyRepository keys, CurrentMember currentMember, PasswordEncoder passwordEncoder) {
        this.keys = keys;
        this.currentMember = currentMember;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * The organisation's keys.
     *
     * @return keys by name
     */
    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        return keys.findAll(currentMember.get().organizationId());
    }

    /**
     * Creates a key.
     *
     * @param name what it is for
     * @return the key and its secret
     */
    @Transactional
    @Audited(action = "api_key.created", resourceId = "#result.key.id", resourceName = "#name")
    public CreatedApiKey create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        ApiKey key = new ApiKey(Ids.next("key"), currentMember.get().organizationId(), name.strip(), false);
        String secret = "sk_" + Ids.random(24);
        keys.insert(key, passwordEncoder.encode(secret));
        return new CreatedApiKey(key, secret);
    }

    /**
     * Revokes a key.
     *
     * @param keyId the key
     */
    @Transactional
    @Audited(action = "api_key.revoked")
    public void revoke(@AuditResourceId String keyId) {
        if (!keys.revoke(currentMember.get().organizationId(), keyId)) {
            throw new NotFoundException("active API key", keyId);
        }
    }
}
