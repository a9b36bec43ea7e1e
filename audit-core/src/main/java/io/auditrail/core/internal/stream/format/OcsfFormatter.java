package io.auditrail.core.internal.stream.format;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.StreamFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps an event to an OCSF {@value StreamFormat#OCSF_VERSION} object: Authentication (3002),
 * Account Change (3001), Entity Management (3004) or API Activity (6003), chosen by
 * {@link OcsfActivity}. Fields OCSF has no place for travel under {@code unmapped.auditrail}.
 */
final class OcsfFormatter implements EventFormatter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final AuditEventCodec codec;

    OcsfFormatter(AuditEventCodec codec) {
        this.codec = codec;
    }

    @Override
    public String sourceType() {
        return "ocsf";
    }

    @Override
    public String format(AuditEvent event) {
        return MAPPER.writeValueAsString(toOcsf(event));
    }

    ObjectNode toOcsf(AuditEvent event) {
        OcsfActivity activity = OcsfActivity.of(event.action(), event.resource().type());
        OcsfClass ocsfClass = activity.ocsfClass();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("category_uid", ocsfClass.categoryUid());
        root.put("category_name", ocsfClass.categoryName());
        root.put("class_uid", ocsfClass.classUid());
        root.put("class_name", ocsfClass.className());
        root.put("activity_id", activity.activityId());
        root.put("activity_name", activity.activityName());
        root.put("type_uid", ocsfClass.classUid() * 100L + activity.activityId());
        root.put("type_name", ocsfClass.className() + ": " + activity.activityName());
        root.put("time", event.timestamp().toEpochMilli());
        root.put("severity_id", event.outcome().isSuccess() ? 1 : 3);
        root.put("severity", event.outcome().isSuccess() ? "Informational" : "Medium");
        root.put("status_id", event.outcome().isSuccess() ? 1 : 2);
        root.put("status", event.outcome().isSuccess() ? "Success" : "Failure");
        if (event.outcome().errorType() != null) {
            root.put("status_detail", event.outcome().errorType());
        }
        root.put("message", event.action());
        root.set("metadata", metadata(event));
        ObjectNode actorUser = user(event.actor());
        switch (ocsfClass.classUid()) {
            case 3002 -> {
                root.set("user", actorUser);
                root.put("is_mfa", activity.mfa());
                srcEndpoint(root, event);
            }
            case 3001 -> {
                root.putObject("actor").set("user", actorUser);
                ObjectNode user = root.putObject("user");
                user.put("uid", event.resource().id());
                if (event.resource().name() != null) {
                    user.put("name", event.resource().name());
                }
                srcEndpoint(root, event);
            }
            case 3004 -> {
                root.putObject("actor").set("user", actorUser);
                ObjectNode entity = root.putObject("entity");
                entity.put("uid", event.resource().id());
                entity.put("type", event.resource().type());
                if (event.resource().name() != null) {
                    entity.put("name", event.resource().name());
                }
                srcEndpoint(root, event);
            }
            default -> {
                root.putObject("actor").set("user", actorUser);
                ObjectNode api = root.putObject("api");
                api.put("operation", event.action());
                if (event.context().requestId() != null) {
                    api.putObject("request").put("uid", event.context().requestId());
                }
                ObjectNode resource = root.putArray("resources").addObject();
                resource.put("uid", event.resource().id());
                resource.put("type", event.resource().type());
                if (event.resource().name() != null) {
                    resource.put("name", event.resource().name());
                }
                ObjectNode src = root.putObject("src_endpoint");
                if (event.context().ip() != null) {
                    src.put("ip", event.context().ip());
                } else {
                    src.put("name", "unknown");
                }
            }
        }
        if (event.context().userAgent() != null && ocsfClass.classUid() == 6003) {
            root.putObject("http_request").put("user_agent", event.context().userAgent());
        }
        root.set("unmapped", unmapped(event));
        return root;
    }

    private static ObjectNode metadata(AuditEvent event) {
        ObjectNode metadata = MAPPER.createObjectNode();
        metadata.put("version", StreamFormat.OCSF_VERSION);
        metadata.put("uid", event.id().toString());
        metadata.put("original_time", AuditEventCodec.formatTimestamp(event.timestamp()));
        metadata.put("log_name", "audit");
        metadata.put("log_provider", "auditrail");
        if (event.organizationId() != null) {
            metadata.put("tenant_uid", event.organizationId());
        }
        ObjectNode product = metadata.putObject("product");
        product.put("vendor_name", "Auditrail");
        product.put("name", "Auditrail");
        return metadata;
    }

    private static ObjectNode user(Actor actor) {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("uid", actor.id());
        if (actor.name() != null) {
            user.put("name", actor.name());
        }
        if (actor.email() != null) {
            user.put("email_addr", actor.email());
        }
        int typeId = actor.type() == ActorType.USER ? 1 : actor.type() == ActorType.ANONYMOUS ? 0 : 3;
        user.put("type_id", typeId);
        user.put("type", typeId == 1 ? "User" : typeId == 0 ? "Unknown" : "System");
        return user;
    }

    private static void srcEndpoint(ObjectNode root, AuditEvent event) {
        if (event.context().ip() != null) {
            root.putObject("src_endpoint").put("ip", event.context().ip());
        }
    }

    private ObjectNode unmapped(AuditEvent event) {
        ObjectNode auditrail = MAPPER.createObjectNode();
        JsonNode original = MAPPER.readTree(codec.toJson(event));
        auditrail.set("action", original.get("action"));
        auditrail.set("resource", original.get("resource"));
        auditrail.set("actor_type", MAPPER.getNodeFactory().textNode(event.actor().type().wireName()));
        if (original.has("metadata")) {
            auditrail.set("metadata", original.get("metadata"));
        }
        ObjectNode unmapped = MAPPER.createObjectNode();
        unmapped.set("auditrail", auditrail);
        return unmapped;
    }
}
