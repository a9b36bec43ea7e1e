package io.auditrail.server.web;

import io.auditrail.server.ingest.MonthlyQuota;
import io.auditrail.server.tenant.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/usage}: the caller's plan and this month's count; {@code null} limits mean none. */
@RestController
class UsageController {

    private final MonthlyQuota quota;

    UsageController(MonthlyQuota quota) {
        this.quota = quota;
    }

    @GetMapping("/v1/usage")
    Map<String, Object> usage(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("plan", caller.plan().name());
        answer.put("events_this_month", quota.count(caller.organizationId(), quota.currentMonth()));
        answer.put("events_limit", caller.plan().monthlyEvents());
        answer.put("retention_days", caller.plan().retentionDays());
        return answer;
    }
}
