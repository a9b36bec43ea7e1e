package io.auditrail.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.store.InvalidAuditQueryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesEscapesPlusesRepeatsAndBareNames() {
        Map<String, List<String>> decoded = QueryString.decode("search=caf%C3%A9+cr%C3%A8me&limit=5&limit=6&total&&a%20b=%E2%82%AC");
        assertThat(decoded).containsEntry("search", List.of("café crème")).containsEntry("limit", List.of("5", "6"))
                .containsEntry("total", List.of("")).containsEntry("a b", List.of("€"));
        assertThat(QueryString.decode(null)).isEmpty();
        assertThat(QueryString.decode("")).isEmpty();
        assertThat(QueryString.decode("q=ü😀")).containsEntry("q", List.of("ü😀"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheParameterName() {
        assertThatThrownBy(() -> QueryString.decode("limit=5&search=%FF%FE"))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("parameter 'search' is not valid UTF-8 once percent-decoded");
    }

    @Test
    void brokenEscapesAreRefusedWithTheParameterName() {
        assertThatThrownBy(() -> QueryString.decode("action=invoice%2"))
                .hasMessage("parameter 'action' has a '%' not followed by two hexadecimal digits");
        assertThatThrownBy(() -> QueryString.decode("act%ZZion=x"))
                .hasMessage("parameter 'act%ZZion' has a '%' not followed by two hexadecimal digits");
    }
}
