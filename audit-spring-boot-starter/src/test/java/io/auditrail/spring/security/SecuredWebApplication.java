package io.auditrail.spring.security;

import io.auditrail.spring.fixtures.DefaultInvoiceService;
import io.auditrail.spring.fixtures.Numbering;
import io.auditrail.spring.fixtures.RecordingSink;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
public class SecuredWebApplication {

    @Bean
    RecordingSink recordingSink() {
        return new RecordingSink();
    }

    @Bean
    DefaultInvoiceService invoiceService() {
        return new DefaultInvoiceService();
    }

    @Bean
    Numbering numbering() {
        return new Numbering();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}wonderland").roles("USER").build(),
                User.withUsername("root").password("{noop}toor").roles("ADMIN").build());
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    @RestController
    static class InvoiceController {
        private final DefaultInvoiceService invoices;

        InvoiceController(DefaultInvoiceService invoices) {
            this.invoices = invoices;
        }

        @PostMapping("/orgs/{org}/invoices/{number}")
        String create(@PathVariable String org, @PathVariable String number) {
            return invoices.create(org, number).id();
        }

        @PostMapping("/admin/purge")
        String purge() {
            return "purged";
        }
    }
}
