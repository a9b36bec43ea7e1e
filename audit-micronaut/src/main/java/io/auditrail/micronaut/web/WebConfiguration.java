package io.auditrail.micronaut.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code auditrail.web.*}: the starter's keys and defaults. */
@ConfigurationProperties("auditrail.web")
public class WebConfiguration {

    /** Whether the read endpoints and the viewer are served. Off by default: they expose the trail over HTTP. */
    private boolean enabled = false;

    /** Path under which the read endpoints and the viewer (at {base-path}/ui/) are served. */
    private String basePath = "/audit";

    /** Authority (a Micronaut Security role) that makes a user an organisation admin, who reads every event of their organisation; other users read only their own. */
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
