package io.auditrail.sample.apikey;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys, always within one organisation. */
@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An organisation's keys.
     *
     * @param organizationId the organisation
     * @return its keys, by name
     */
    public List<ApiKey> findAll(String organizationId) {
        return jdbc.sql("SELECT id, organization_id, name, revoked FROM api_keys WHERE organization_id = ? ORDER BY name")
                .param(organizationId).query(ApiKey.class).list();
    }

    /**
     * Stores a new key.
     *
     * @param key the key
     * @param secretHash encoded secret
     */
    public void insert(ApiKey key, String secretHash) {
        jdbc.sql("INSERT INTO api_keys (id, organization_id, name, secret_hash, revoked) VALUES (?, ?, ?, ?, FALSE)")
                .params(key.id(), key.organizationId(), key.name(), secretHash).update();
    }

    /**
     * Revokes a key that is still active.
     *
     * @param organizationId the caller's organisation
     * @param id key id
     * @return whether an active key of that organisation was revoked
     */
    public boolean revoke(String organizationId, String id) {
        return jdbc.sql("UPDATE api_keys SET revoked = TRUE WHERE organization_id = ? AND id = ? AND revoked = FALSE")
                .params(organizationId, id).update() == 1;
    }
}
