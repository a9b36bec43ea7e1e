package io.auditrail.jdbc.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void escapesWildcardsAndTheEscapeCharacter() {
        assertThat(LikePatterns.containsIgnoringCase("100% Sure_!")).isEqualTo("%100!% Sure!_!!%");
        assertThat(LikePatterns.startsWith("in_voice.")).isEqualTo("in!_voice.%");
        assertThat(LikePatterns.containsIgnoringCase("back\\slash")).isEqualTo("%back\\slash%");
    }
}
