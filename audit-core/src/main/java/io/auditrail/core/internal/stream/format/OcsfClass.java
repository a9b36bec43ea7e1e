package io.auditrail.core.internal.stream.format;

/**
 * The OCSF classes events map to, with their category.
 *
 * @param categoryUid the category's uid
 * @param categoryName the category's caption
 * @param classUid the class's uid
 * @param className the class's caption
 */
record OcsfClass(int categoryUid, String categoryName, int classUid, String className) {

    static final OcsfClass ACCOUNT_CHANGE = new OcsfClass(3, "Identity & Access Management", 3001, "Account Change");
    static final OcsfClass AUTHENTICATION = new OcsfClass(3, "Identity & Access Management", 3002, "Authentication");
    static final OcsfClass ENTITY_MANAGEMENT = new OcsfClass(3, "Identity & Access Management", 3004, "Entity Management");
    static final OcsfClass API_ACTIVITY = new OcsfClass(6, "Application Activity", 6003, "API Activity");
}
