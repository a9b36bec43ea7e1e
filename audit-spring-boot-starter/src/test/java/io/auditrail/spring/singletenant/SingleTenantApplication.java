package io.auditrail.spring.singletenant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A one-organisation application with no Auditrail code at all: no organisation resolver, no
 * read scope; an admin (ann, {@code ROLE_ADMIN}) and a user (max).
 */
@SpringBootApplication
public class SingleTenantApplication {

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ann").password("{noop}ann-pw").roles("ADMIN").build(),
                User.withUsername("max").password("{noop}max-pw").roles("USER").build());
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @RestController
    static class Endpoints {

        @GetMapping("/admin/settings")
        String settings() {
            return "settings";
        }
    }
}
