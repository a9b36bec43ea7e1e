package io.auditrail.spring.autoconfigure;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.validation.AuditLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Configuration under {@code auditrail.*}: core's {@link AuditrailSettings}, which declares the
 * keys shared with Micronaut, plus the keys only the Spring Boot starter has (advisor order,
 * security events, health, read endpoints) and the metadata size in Spring's {@link DataSize}
 * form ({@code 64KB}).
 */
@ConfigurationProperties("auditrail")
public class AuditrailProperties extends AuditrailSettings {

    /** Order of the @Audited advisor. Keep it lower in precedence than the transaction advisor so events are written inside the audited method's transaction. */
    private int advisorOrder = Ordered.LOWEST_PRECEDENCE;

    private final Limits limits = new Limits();

    private final SecurityEvents securityEvents = new SecurityEvents();

    private final Health health = new Health();

    private final Web web = new Web();

    /** Creates the properties with every default. */
    public AuditrailProperties() {
        useLimits(limits);
    }

    public int getAdvisorOrder() {
        return advisorOrder;
    }

    public void setAdvisorOrder(int advisorOrder) {
        this.advisorOrder = advisorOrder;
    }

    @Override
    public Limits getLimits() {
        return limits;
    }

    public SecurityEvents getSecurityEvents() {
        return securityEvents;
    }

    public Health getHealth() {
        return health;
    }

    public Web getWeb() {
        return web;
    }

    /** {@code auditrail.limits.*}, adding the metadata size in Spring's byte-size form. */
    public static class Limits extends AuditrailSettings.Limits {

        /** Largest serialised metadata object. */
        private DataSize maxMetadataSize = DataSize.ofKilobytes(64);

        public DataSize getMaxMetadataSize() {
            return maxMetadataSize;
        }

        public void setMaxMetadataSize(DataSize maxMetadataSize) {
            this.maxMetadataSize = maxMetadataSize;
        }

        /**
         * The capture bounds, with the metadata size bound here.
         *
         * @return the limits
         * @throws IllegalArgumentException when a bound is out of range
         */
        public AuditLimits toAuditLimits() {
            return toAuditLimits(maxMetadataSize.toBytes());
        }
    }

    /** Events recorded from Spring Security. */
    public static class SecurityEvents {

        /** Whether logins, failed logins, logouts, session expiry and denied access are audited. */
        private boolean enabled = true;

        /** Action recorded for an interactive login. */
        private String loginAction = "user.login";

        /** Action recorded for a failed authentication. */
        private String loginFailedAction = "user.login.failed";

        /** Action recorded for a logout. */
        private String logoutAction = "user.logout";

        /** Action recorded when authorisation or the CSRF check refuses an authenticated caller. */
        private String accessDeniedAction = "access.denied";

        /** Action recorded when the container session of a logged-in user times out. */
        private String sessionExpiredAction = "session.expired";

        /** Whether denials of anonymous callers, which only send them to the login page, are audited too. */
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

    /** Actuator health of the sinks. */
    public static class Health {

        /** Queued events per sink above which health is down. */
        private int maxQueueDepth = 5_000;

        public int getMaxQueueDepth() {
            return maxQueueDepth;
        }

        public void setMaxQueueDepth(int maxQueueDepth) {
            this.maxQueueDepth = maxQueueDepth;
        }
    }

    /** Read endpoints and the embeddable viewer. */
    public static class Web {

        /** Whether the read endpoints and the viewer are served. Off by default: they expose the trail over HTTP. */
        private boolean enabled = false;

        /** Path under which the read endpoints and the viewer (at {base-path}/ui/) are served. */
        private String basePath = "/audit";

        /** Authority that makes a user an organisation admin, who reads every event of their organisation; other users read only their own. */
        private String adminAuthority = "ROLE_AUDIT_ADMIN";

        /** Whether the viewer is served at {base-path}/ui/. */
        private boolean viewerEnabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }

        public String getAdminAuthority() {
            return adminAuthority;
        }

        public void setAdminAuthority(String adminAuthority) {
            this.adminAuthority = adminAuthority;
        }

        public boolean isViewerEnabled() {
            return viewerEnabled;
        }

        public void setViewerEnabled(boolean viewerEnabled) {
            this.viewerEnabled = viewerEnabled;
        }
    }
}
