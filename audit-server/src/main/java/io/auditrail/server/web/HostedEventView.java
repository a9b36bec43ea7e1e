package io.auditrail.server.web;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hosted API's flat event object, field for field; absent values are written as {@code null}. */
final class HostedEventView {

    private HostedEventView() {
    }

    static Map<String, Object> of(AuditEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", event.id().toString());
        view.put("timestamp", AuditEventCodec.formatTimestamp(event.timestamp()));
        view.put("actor_id", event.actor().id());
        view.put("actor_name", event.actor().name());
        view.put("actor_email", event.actor().email());
        view.put("action", event.action());
        view.put("resource_type", event.resource().type());
        view.put("resource_id", event.resource().id());
        view.put("resource_name", event.resource().name());
        view.put("metadata", event.metadata());
        view.put("organization_id", event.organizationId());
        return view;
    }
}
