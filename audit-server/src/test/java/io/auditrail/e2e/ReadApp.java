package io.auditrail.e2e;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An application serving the starter's read endpoints and viewer, configured by properties only
 * ({@code auditrail.sink=jdbc} or {@code http}). Its callers are named by an {@code X-Test-User}
 * header or a {@code test-user} cookie (a browser sets cookies, not headers): a stand-in for a
 * login, since only Spring Security's core is on this classpath. {@code alice} is an audit
 * admin; everyone else a member.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReadApp {

    static final Set<String> ADMINS = Set.of("alice");

    @Bean
    OncePerRequestFilter testUsers() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = user(request);
                if (user != null) {
                    List<SimpleGrantedAuthority> authorities = ADMINS.contains(user)
                            ? List.of(new SimpleGrantedAuthority("ROLE_AUDIT_ADMIN")) : List.of();
                    SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
                }
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        };
    }

    private static String user(HttpServletRequest request) {
        if (request.getHeader("X-Test-User") != null) {
            return request.getHeader("X-Test-User");
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals("test-user")) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Starts the application on a random loopback port.
     *
     * @param properties Spring properties
     * @return the running context
     */
    static ConfigurableApplicationContext start(Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        // The server's application.properties is on the same test classpath: read none.
        args.add("--spring.config.name=read-app");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--auditrail.web.enabled=true");
        args.add("--auditrail.default-organization-id=acme");
        args.add("--auditrail.dispatch=sync");
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(ReadApp.class).web(WebApplicationType.SERVLET).run(args.toArray(String[]::new));
    }
}
