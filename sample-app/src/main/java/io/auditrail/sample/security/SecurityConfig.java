package io.auditrail.sample.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for people, admin-only management endpoints, and framing allowed from the app's
 * own origin so the audit viewer can be embedded in its page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/invite.html", "/invitations/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/members", "/api/api-keys", "/api/settings")
                                .authenticated()
                        .requestMatchers("/api/members/**", "/api/api-keys/**", "/api/settings/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // The invitation token in the URL is a secret a forging site cannot know.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/invitations/**"))
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
