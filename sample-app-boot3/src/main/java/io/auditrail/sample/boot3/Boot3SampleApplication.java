package io.auditrail.sample.boot3;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A notes app on Spring Boot 3.5: form login, one audited action and the audit viewer at
 * {@code /audit/ui/}. Run with {@code ./mvnw -pl sample-app-boot3 -am spring-boot:run} and log in
 * as alice / auditrail.
 */
@SpringBootApplication
public class Boot3SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(Boot3SampleApplication.class, args);
    }
}
