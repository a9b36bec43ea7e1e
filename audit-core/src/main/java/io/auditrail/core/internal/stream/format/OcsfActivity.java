package io.auditrail.core.internal.stream.format;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OCSF class and activity of an action, read from the words of its dot notation
 * ({@code member.removed}, {@code api_key.created}, {@code user.login}).
 *
 * @param ocsfClass the class
 * @param activityId the activity's id in that class (99 for Other)
 * @param activityName the activity's caption
 * @param mfa whether the action is a second-factor step (Authentication only)
 */
record OcsfActivity(OcsfClass ocsfClass, int activityId, String activityName, boolean mfa) {

    private static final Pattern WORD_SPLIT = Pattern.compile("[._:/-]+");
    private static final Set<String> LOGOFF = Set.of("logout", "logoff", "signout", "signed_out", "logged_out");
    private static final Set<String> LOGON = Set.of("login", "logon", "signin", "signed_in", "logged_in", "authenticated",
            "authentication", "auth");
    private static final Set<String> SECOND_FACTOR = Set.of("2fa", "mfa", "otp", "totp", "second_factor", "webauthn");
    private static final Set<String> MFA_SETUP = Set.of("enabled", "disabled", "added", "removed", "deleted",
            "enrolled", "reset", "registered");
    private static final Set<String> ACCOUNT_RESOURCES = Set.of("user", "member", "membership", "account", "users",
            "members");
    private static final Set<String> ENTITY_RESOURCES = Set.of("api_key", "apikey", "api-key", "key", "token", "role",
            "group", "team", "invitation", "invite", "organization", "organisation", "service_account");

    static OcsfActivity of(String action, String resourceType) {
        List<String> words = List.of(WORD_SPLIT.split(action.toLowerCase(Locale.ROOT)));
        String resource = resourceType.toLowerCase(Locale.ROOT);
        boolean secondFactor = words.stream().anyMatch(SECOND_FACTOR::contains);
        if (words.stream().anyMatch(LOGOFF::contains)) {
            return new OcsfActivity(OcsfClass.AUTHENTICATION, 2, "Logoff", false);
        }
        String verb = words.get(words.size() - 1);
        // A second factor being set up or removed changes the account; one being used is a logon step.
        boolean factorSetup = secondFactor && MFA_SETUP.contains(verb);
        if (words.stream().anyMatch(LOGON::contains) || secondFactor && !factorSetup) {
            return new OcsfActivity(OcsfClass.AUTHENTICATION, 1, "Logon", secondFactor);
        }
        if (isAccountResource(words, resource) || factorSetup) {
            return accountChange(words, verb, secondFactor);
        }
        if (ENTITY_RESOURCES.contains(resource) || words.stream().anyMatch(ENTITY_RESOURCES::contains)) {
            return entityManagement(verb);
        }
        return apiActivity(verb);
    }

    private static boolean isAccountResource(List<String> words, String resource) {
        return ACCOUNT_RESOURCES.contains(resource) || ACCOUNT_RESOURCES.contains(words.get(0));
    }

    private static OcsfActivity accountChange(List<String> words, String verb, boolean secondFactor) {
        OcsfClass c = OcsfClass.ACCOUNT_CHANGE;
        if (secondFactor) {
            return isAny(verb, "disabled", "removed", "deleted")
                    ? new OcsfActivity(c, 11, "MFA Factor Disable", false)
                    : new OcsfActivity(c, 10, "MFA Factor Enable", false);
        }
        if (words.contains("password")) {
            return verb.equals("reset") ? new OcsfActivity(c, 4, "Password Reset", false)
                    : new OcsfActivity(c, 3, "Password Change", false);
        }
        if (isAny(verb, "created", "added", "invited", "joined", "registered", "signed_up")) {
            return new OcsfActivity(c, 1, "Create", false);
        }
        if (isAny(verb, "enabled", "activated", "unlocked", "unsuspended", "reactivated")) {
            return new OcsfActivity(c, 2, "Enable", false);
        }
        if (isAny(verb, "disabled", "deactivated", "suspended")) {
            return new OcsfActivity(c, 5, "Disable", false);
        }
        if (isAny(verb, "deleted", "removed", "left", "kicked")) {
            return new OcsfActivity(c, 6, "Delete", false);
        }
        if (isAny(verb, "locked")) {
            return new OcsfActivity(c, 9, "Lock", false);
        }
        return new OcsfActivity(c, 99, "Other", false);
    }

    private static OcsfActivity entityManagement(String verb) {
        OcsfClass c = OcsfClass.ENTITY_MANAGEMENT;
        if (isAny(verb, "created", "added", "issued", "generated", "invited")) {
            return new OcsfActivity(c, 1, "Create", false);
        }
        if (isAny(verb, "read", "viewed", "listed", "shown", "revealed")) {
            return new OcsfActivity(c, 2, "Read", false);
        }
        if (isAny(verb, "updated", "changed", "rotated", "renamed", "modified", "regenerated")) {
            return new OcsfActivity(c, 3, "Update", false);
        }
        if (isAny(verb, "deleted", "removed", "revoked", "expired")) {
            return new OcsfActivity(c, 4, "Delete", false);
        }
        if (isAny(verb, "moved", "transferred")) {
            return new OcsfActivity(c, 5, "Move", false);
        }
        if (isAny(verb, "enabled")) {
            return new OcsfActivity(c, 8, "Enable", false);
        }
        if (isAny(verb, "disabled")) {
            return new OcsfActivity(c, 9, "Disable", false);
        }
        if (isAny(verb, "suspended")) {
            return new OcsfActivity(c, 12, "Suspend", false);
        }
        return new OcsfActivity(c, 99, "Other", false);
    }

    private static OcsfActivity apiActivity(String verb) {
        OcsfClass c = OcsfClass.API_ACTIVITY;
        if (isAny(verb, "created", "added", "uploaded", "submitted", "imported")) {
            return new OcsfActivity(c, 1, "Create", false);
        }
        if (isAny(verb, "read", "viewed", "listed", "exported", "downloaded", "searched", "accessed")) {
            return new OcsfActivity(c, 2, "Read", false);
        }
        if (isAny(verb, "updated", "changed", "modified", "renamed", "approved", "sent", "paid")) {
            return new OcsfActivity(c, 3, "Update", false);
        }
        if (isAny(verb, "deleted", "removed", "purged", "archived", "cancelled", "canceled")) {
            return new OcsfActivity(c, 4, "Delete", false);
        }
        return new OcsfActivity(c, 99, "Other", false);
    }

    private static boolean isAny(String verb, String... candidates) {
        for (String candidate : candidates) {
            if (verb.equals(candidate)) {
                return true;
            }
        }
        return false;
    }
}
