package io.auditrail.spring.webread;

import io.auditrail.core.spi.OrganizationResolver;
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

/**
 * Two organisations: acme with a member (alice) and an admin (anna), globex with an admin
 * (gus), and a user in no organisation (drifter). The read endpoints are open to anonymous
 * requests here so that their own 401 is what a caller without credentials gets.
 */
@SpringBootApplication
public class ReadWebApplication {

    static final Map<String, String> ORGANIZATIONS = Map.of("alice", "acme", "anna", "acme", "gus", "globex");

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}pw").roles("USER").build(),
                User.withUsername("anna").password("{noop}pw").roles("USER", "AUDIT_ADMIN").build(),
                User.withUsername("gus").password("{noop}pw").roles("USER", "AUDIT_ADMIN").build(),
                User.withUsername("drifter").password("{noop}pw").roles("USER").build());
    }

    @Bean
    OrganizationResolver membershipOrganizations() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null ? Optional.empty()
                    : Optional.ofNullable(ORGANIZATIONS.get(authentication.getName()));
        };
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/audit/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
