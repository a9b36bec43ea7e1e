package io.auditrail.core.event;

final class Required {

    private Required() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidAuditEventException(field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidAuditEventException(field + " is required and must not be blank");
        }
        return value;
    }

    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
