package io.auditrail.spring.securityevents;

import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.spring.fixtures.RecordingSink;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Form login and HTTP Basic with CSRF protection on, as Spring Security sets them up by
 * default, and a membership table that places alice in acme and gus in globex. The
 * organisation resolver answers for the current caller and for a named principal.
 */
@SpringBootApplication
public class SecurityEventsApplication {

    static final Map<String, String> MEMBERSHIPS = Map.of("alice", "acme", "gus", "globex");

    @Bean
    RecordingSink recordingSink() {
        return new RecordingSink();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}wonderland").roles("USER").build(),
                User.withUsername("gus").password("{noop}globex-pw").roles("USER").build());
    }

    @Bean
    OrganizationResolver membershipOrganizations() {
        return new OrganizationResolver() {
            @Override
            public Optional<String> currentOrganizationId() {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication == null ? Optional.empty() : organizationIdOf(authentication.getName());
            }

            @Override
            public Optional<String> organizationIdOf(String principalName) {
                return Optional.ofNullable(MEMBERSHIPS.get(principalName));
            }
        };
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/csrf").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    @RestController
    static class Endpoints {

        @GetMapping("/csrf")
        String csrf(CsrfToken token) {
            return token.getToken();
        }

        @GetMapping("/me")
        String me(Principal principal) {
            return principal.getName();
        }

        /** Shortens this session's timeout to one second. */
        @GetMapping("/session/short")
        String shortSession(HttpSession session) {
            session.setMaxInactiveInterval(1);
            return "1";
        }

        @PostMapping("/invoices")
        String create() {
            return "created";
        }

        @GetMapping("/admin/settings")
        String settings() {
            return "settings";
        }
    }
}
