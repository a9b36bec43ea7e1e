package io.auditrail.sample.boot3;

/** A note as the API reads and writes it (Spring MVC's Jackson 2 turns it into JSON). */
public record Note(String id, String text) {
}
