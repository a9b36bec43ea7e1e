package io.auditrail.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void readsTheTokenWhateverTheSchemeCase() {
        assertThat(BearerTokens.of("Bearer al_abc")).contains("al_abc");
        assertThat(BearerTokens.of("bearer al_abc")).contains("al_abc");
        assertThat(BearerTokens.of("BEARER  al_abc ")).contains("al_abc");
    }

    @Test
    void refusesMissingBlankAndOtherSchemes() {
        assertThat(BearerTokens.of(null)).isEmpty();
        assertThat(BearerTokens.of("Bearer ")).isEmpty();
        assertThat(BearerTokens.of("Bearer    ")).isEmpty();
        assertThat(BearerTokens.of("Basic YWxpY2U6cHc=")).isEmpty();
        assertThat(BearerTokens.of("Beareral_abc")).isEmpty();
    }
}
