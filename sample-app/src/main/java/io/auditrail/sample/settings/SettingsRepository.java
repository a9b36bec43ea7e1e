package io.auditrail.sample.settings;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations and their settings. */
@Repository
public class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An organisation's settings.
     *
     * @param organizationId the organisation
     * @return its settings
     */
    public Optional<Settings> find(String organizationId) {
        return jdbc.sql("SELECT id, name, invoice_prefix, currency FROM organizations WHERE id = ?")
                .param(organizationId)
                .query((rs, row) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /**
     * Creates an organisation.
     *
     * @param settings its settings
     */
    public void insert(Settings settings) {
        jdbc.sql("INSERT INTO organizations (id, name, invoice_prefix, currency, invoice_counter) VALUES (?, ?, ?, ?, 0)")
                .params(settings.organizationId(), settings.name(), settings.invoicePrefix(), settings.currency())
                .update();
    }

    /**
     * Replaces an organisation's settings.
     *
     * @param settings the new settings
     */
    public void update(Settings settings) {
        jdbc.sql("UPDATE organizations SET name = ?, invoice_prefix = ?, currency = ? WHERE id = ?")
                .params(settings.name(), settings.invoicePrefix(), settings.currency(), settings.organizationId())
                .update();
    }
}
