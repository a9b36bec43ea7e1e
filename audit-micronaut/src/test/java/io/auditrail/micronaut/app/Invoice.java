package io.auditrail.micronaut.app;

import java.math.BigDecimal;

/** An invoice of the test application. */
public record Invoice(String id, String number, BigDecimal amount) {
}
