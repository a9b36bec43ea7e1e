package io.auditrail.spring.capture;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small JPA + JdbcClient application, started per test class on the database under test. */
@SpringBootApplication
public class ClinicApplication {
}
