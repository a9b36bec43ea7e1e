package io.auditrail.core.internal.stream.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OCSF schema, version 1.3.0, read from the schema's own definition files
 * (github.com/ocsf/ocsf-schema at tag 1.3.0, commit c8bde8c4cc7e93bb4a36e873623bbe099da22fb5,
 * Apache License 2.0), copied under {@code src/test/resources/ocsf-schema-1.3.0}. It resolves
 * a class's attributes through {@code extends} and {@code $include}, and an object's through
 * its {@code extends} chain, and checks an emitted object against every {@code required}
 * attribute and {@code at_least_one} constraint, recursively into object-typed attributes.
 */
final class OcsfSchema {

    static final String VERSION = "1.3.0";
    private static final String ROOT = "/ocsf-schema-" + VERSION + "/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode dictionary = read("dictionary.json").get("attributes");
    private final JsonNode categories = read("categories.json").get("attributes");

    /** A class file by path, e.g. {@code events/iam/authentication.json}. */
    record EventClass(int uid, int categoryUid, Map<String, JsonNode> attributes, Set<String> activityIds) {
    }

    EventClass eventClass(String path) {
        JsonNode definition = read(path);
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        collectClass(definition, attributes);
        String category = definition.path("category").asString("");
        JsonNode own = definition;
        while (category.isEmpty() && own.has("extends")) {
            own = findClass(own.get("extends").asString());
            category = own.path("category").asString("");
        }
        int categoryUid = categories.get(category).get("uid").asInt();
        int uid = categoryUid * 1000 + definition.get("uid").asInt();
        Set<String> activities = new LinkedHashSet<>();
        JsonNode activity = definition.path("attributes").path("activity_id").path("enum");
        activity.propertyNames().forEach(activities::add);
        return new EventClass(uid, categoryUid, attributes, activities);
    }

    /** Every violation of the class's required attributes and of its objects' rules; empty when valid. */
    List<String> violations(String classPath, JsonNode event) {
        EventClass eventClass = eventClass(classPath);
        List<String> violations = new ArrayList<>();
        eventClass.attributes().forEach((name, attribute) -> {
            if ("required".equals(attribute.path("requirement").asString("")) && !present(event, name)) {
                violations.add("missing required attribute " + name);
            }
        });
        if (event.path("class_uid").asInt() != eventClass.uid()) {
            violations.add("class_uid " + event.path("class_uid") + " is not " + eventClass.uid());
        }
        if (event.path("category_uid").asInt() != eventClass.categoryUid()) {
            violations.add("category_uid " + event.path("category_uid") + " is not " + eventClass.categoryUid());
        }
        String activity = event.path("activity_id").asString("");
        if (!activity.equals("99") && !activity.equals("0") && !eventClass.activityIds().contains(activity)) {
            violations.add("activity_id " + activity + " is not in the class's enum " + eventClass.activityIds());
        }
        if (event.path("type_uid").asLong() != eventClass.uid() * 100L + event.path("activity_id").asLong()) {
            violations.add("type_uid " + event.path("type_uid") + " is not class_uid * 100 + activity_id");
        }
        event.properties().forEach(field -> {
            if (!eventClass.attributes().containsKey(field.getKey())) {
                violations.add("attribute " + field.getKey() + " is not defined for the class");
            } else {
                checkValue(field.getKey(), field.getValue(), field.getKey(), violations);
            }
        });
        return violations;
    }

    private void checkValue(String attribute, JsonNode value, String path, List<String> violations) {
        JsonNode type = dictionary.path(attribute).path("type");
        String objectType = type.asString("");
        if (!objectType.endsWith("_t") && !objectType.isEmpty() && !objectType.equals("object")) {
            if (value.isArray()) {
                for (JsonNode item : value) {
                    checkObject(objectType, item, path + "[]", violations);
                }
            } else {
                checkObject(objectType, value, path, violations);
            }
        }
    }

    private void checkObject(String objectName, JsonNode value, String path, List<String> violations) {
        if (!value.isObject()) {
            violations.add(path + " must be a " + objectName + " object");
            return;
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        List<JsonNode> chain = new ArrayList<>();
        for (String name = objectName; name != null; ) {
            JsonNode definition = read("objects/" + name + ".json");
            chain.add(definition);
            definition.path("attributes").properties().forEach(e -> attributes.putIfAbsent(e.getKey(), e.getValue()));
            name = definition.has("extends") ? definition.get("extends").asString() : null;
        }
        attributes.forEach((name, attribute) -> {
            if ("required".equals(attribute.path("requirement").asString("")) && !present(value, name)) {
                violations.add(path + " misses required attribute " + name);
            }
        });
        JsonNode atLeastOne = chain.get(0).path("constraints").path("at_least_one");
        if (atLeastOne.isArray()) {
            boolean any = false;
            for (JsonNode name : atLeastOne) {
                any |= present(value, name.asString());
            }
            if (!any) {
                violations.add(path + " needs at least one of " + atLeastOne);
            }
        }
        value.properties().forEach(field -> {
            if (!attributes.containsKey(field.getKey())) {
                violations.add(path + "." + field.getKey() + " is not an attribute of " + objectName);
            } else {
                checkValue(field.getKey(), field.getValue(), path + "." + field.getKey(), violations);
            }
        });
    }

    private static boolean present(JsonNode node, String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    private void collectClass(JsonNode definition, Map<String, JsonNode> into) {
        JsonNode attributes = definition.path("attributes");
        attributes.properties().forEach(e -> {
            if (e.getKey().equals("$include")) {
                for (JsonNode include : e.getValue()) {
                    String path = include.asString();
                    if (!path.startsWith("profiles/")) {
                        read(path).path("attributes").properties().forEach(i -> into.putIfAbsent(i.getKey(), i.getValue()));
                    }
                }
            } else {
                into.merge(e.getKey(), e.getValue(), (child, parent) -> child.has("requirement") ? child : parent);
            }
        });
        if (definition.has("extends")) {
            Map<String, JsonNode> parent = new LinkedHashMap<>();
            collectClass(findClass(definition.get("extends").asString()), parent);
            parent.forEach((name, attribute) -> into.merge(name, attribute,
                    (child, base) -> child.has("requirement") ? child : base));
        }
    }

    private JsonNode findClass(String name) {
        for (String path : List.of("events/" + name + ".json", "events/iam/" + name + ".json",
                "events/application/" + name + ".json")) {
            if (OcsfSchema.class.getResource(ROOT + path) != null) {
                return read(path);
            }
        }
        throw new IllegalArgumentException("no class " + name);
    }

    private static JsonNode read(String path) {
        try (InputStream in = OcsfSchema.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("schema file missing: " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
