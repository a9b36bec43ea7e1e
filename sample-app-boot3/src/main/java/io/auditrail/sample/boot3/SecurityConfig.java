package io.auditrail.sample.boot3;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security's own login and logout pages; alice reads every audit event (the viewer's admin
 * authority), bob only his own.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService users() {
        // {noop}: a demo's fixed passwords; a real app stores hashes.
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}auditrail").roles("USER", "AUDIT_ADMIN").build(),
                User.withUsername("bob").password("{noop}auditrail").roles("USER").build());
    }
}
