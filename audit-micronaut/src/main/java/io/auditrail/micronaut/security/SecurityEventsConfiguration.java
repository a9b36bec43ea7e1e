package io.auditrail.micronaut.security;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code auditrail.security-events.*}: the starter's keys and defaults. Micronaut has no
 * container session and no CSRF filter of its own, so {@code session-expired-action} is bound
 * but never used.
 */
@ConfigurationProperties("auditrail.security-events")
public class SecurityEventsConfiguration {

    /** Whether logins, failed logins, logouts and denied access are audited. */
    private boolean enabled = true;

    /** Action recorded for a login. */
    private String loginAction = "user.login";

    /** Action recorded for a failed authentication. */
    private String loginFailedAction = "user.login.failed";

    /** Action recorded for a logout. */
    private String logoutAction = "user.logout";

    /** Action recorded when authorisation refuses an authenticated caller. */
    private String accessDeniedAction = "access.denied";

    /** Action recorded when the session of a logged-in user times out (not used by Micronaut). */
    private String sessionExpiredAction = "session.expired";

    /** Whether denials of anonymous callers are audited too. */
    private boolean recordAnonymousDenials = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getLoginAction() {
        return loginAction;
    }

    public void setLoginAction(String loginAction) {
        this.loginAction = loginAction;
    }

    public String getLoginFailedAction() {
        return loginFailedAction;
    }

    public void setLoginFailedAction(String loginFailedAction) {
        this.loginFailedAction = loginFailedAction;
    }

    public String getLogoutAction() {
        return logoutAction;
    }

    public void setLogoutAction(String logoutAction) {
        this.logoutAction = logoutAction;
    }

    public String getAccessDeniedAction() {
        return accessDeniedAction;
    }

    public void setAccessDeniedAction(String accessDeniedAction) {
        this.accessDeniedAction = accessDeniedAction;
    }

    public String getSessionExpiredAction() {
        return sessionExpiredAction;
    }

    public void setSessionExpiredAction(String sessionExpiredAction) {
        this.sessionExpiredAction = sessionExpiredAction;
    }

    public boolean isRecordAnonymousDenials() {
        return recordAnonymousDenials;
    }

    public void setRecordAnonymousDenials(boolean recordAnonymousDenials) {
        this.recordAnonymousDenials = recordAnonymousDenials;
    }
}
