package io.auditrail.sample.settings;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.Audited;
import io.auditrail.sample.NotFoundException;
import io.auditrail.sample.security.CurrentMember;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings of the current organisation. */
@Service
public class SettingsService {

    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,10}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final SettingsRepository settings;
    private final CurrentMember currentMember;

    SettingsService(SettingsRepository settings, CurrentMember currentMember) {
        this.settings = settings;
        this.currentMember = currentMember;
    }

    /**
     * The current organisation's settings.
     *
     * @return the settings
     */
    @Transactional(readOnly = true)
    public Settings get() {
        String organizationId = currentMember.get().organizationId();
        return settings.find(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId));
    }

    /**
     * Replaces the current organisation's settings.
     *
     * @param name display name
     * @param invoicePrefix prefix of new invoice numbers
     * @param currency ISO 4217 currency code
     * @return the settings before and after
     */
    @Transactional
    @Audited(action = "settings.updated", resourceType = "organization", resourceId = "#result.after.organizationId",
            resourceName = "#result.after.name",
            metadata = {@AuditMetadata(key = "before", expression = "#result.before"),
                    @AuditMetadata(key = "after", expression = "#result.after")})
    public SettingsChange update(String name, String invoicePrefix, String currency) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        if (invoicePrefix == null || !PREFIX.matcher(invoicePrefix).matches()) {
            throw new IllegalArgumentException("invoice_prefix must be 1 to 10 upper-case letters or digits");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code such as EUR");
        }
        Settings before = get();
        Settings after = new Settings(before.organizationId(), name.strip(), invoicePrefix, currency);
        settings.update(after);
        return new SettingsChange(before, after);
    }
}
