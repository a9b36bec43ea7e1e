package io.auditrail.sample;

import io.auditrail.sample.chain.SampleChainKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small invoicing SaaS with two organisations, audited with Auditrail. Business actions are
 * audited at the service layer with {@code @Audited}; logins, failed logins and denied access
 * by the starter; the trail is read through the starter's scoped endpoints and viewer.
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the app.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    /**
     * Generates the checkpoint key pair on first start.
     *
     * @return the generator, run before any other bean exists
     */
    @Bean
    static SampleChainKeys sampleChainKeys() {
        return new SampleChainKeys();
    }
}
