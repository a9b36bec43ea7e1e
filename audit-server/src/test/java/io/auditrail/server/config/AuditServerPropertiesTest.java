package io.auditrail.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AuditServerPropertiesTest {

    private static AuditServerProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("auditrail.server", Bindable.ofInstance(new AuditServerProperties()))
                .orElseGet(AuditServerProperties::new);
    }

    @Test
    void theBuiltInPlansApplyByDefault() {
        AuditServerProperties properties = bind(Map.of());
        assertThat(properties.effectivePlans()).containsOnlyKeys("free", "starter", "growth");
        assertThat(properties.effectivePlans().get("growth").getMonthlyEvents()).isEqualTo(5_000_000L);
        assertThat(properties.effectivePlans().get("growth").getRetention()).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void changingOnePlanSettingKeepsTheOthers() {
        AuditServerProperties properties = bind(Map.of("auditrail.server.plans.free.monthly-events", "5",
                "auditrail.server.plans.team.retention", "90d"));
        assertThat(properties.effectivePlans().get("free").getMonthlyEvents()).isEqualTo(5L);
        assertThat(properties.effectivePlans().get("free").getRetention()).isEqualTo(Duration.ofDays(14));
        assertThat(properties.effectivePlans().get("starter").getMonthlyEvents()).isEqualTo(500_000L);
        assertThat(properties.effectivePlans().get("team").getRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(properties.effectivePlans().get("team").getMonthlyEvents()).isNull();
    }
}
