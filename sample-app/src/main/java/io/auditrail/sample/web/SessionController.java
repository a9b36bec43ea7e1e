package io.auditrail.sample.web;

import io.auditrail.sample.member.Member;
import io.auditrail.sample.security.CurrentMember;
import io.auditrail.sample.settings.SettingsService;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, and the CSRF token the page sends back with every change. */
@RestController
class SessionController {

    private final CurrentMember currentMember;
    private final SettingsService settings;

    SessionController(CurrentMember currentMember, SettingsService settings) {
        this.currentMember = currentMember;
        this.settings = settings;
    }

    /**
     * The session as the page needs it.
     *
     * @param username login name
     * @param displayName display name
     * @param organizationId organisation id
     * @param organizationName organisation name
     * @param role role
     * @param csrfHeader header carrying the CSRF token
     * @param csrfToken the token
     */
    record Session(String username, String displayName, String organizationId, String organizationName, String role,
            String csrfHeader, String csrfToken) {
    }

    @GetMapping("/api/session")
    Session session(CsrfToken csrf) {
        Member member = currentMember.get();
        return new Session(member.username(), member.displayName(), member.organizationId(), settings.get().name(),
                member.role().name(), csrf.getHeaderName(), csrf.getToken());
    }
}
