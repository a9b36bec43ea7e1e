package io.auditrail.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.jdbc.DriverManagerDataSource;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warning for databases that acknowledge commits before writing them, on real databases. */
class H2WriteDelayCheckTest {

    @TempDir
    Path directory;

    @Test
    void anH2FileDatabaseWithItsDefaultWriteDelayIsNamedWithTheFix() {
        String url = "jdbc:h2:file:" + directory.resolve("delayed") + ";PASSWORD_HASH=FALSE";
        assertThat(H2WriteDelayCheck.warning(new DriverManagerDataSource(url, "sa", ""), "outbox")).hasValueSatisfying(
                warning -> assertThat(warning).startsWith("Auditrail's outbox runs on the H2 file database jdbc:h2:file:")
                        .contains("up to 500 ms after it returns (WRITE_DELAY)").contains("Add ;WRITE_DELAY=0")
                        .doesNotContain("PASSWORD"));
    }

    @Test
    void anH2FileDatabaseThatWritesEachCommitNeedsNoWarning() {
        String url = "jdbc:h2:file:" + directory.resolve("durable") + ";WRITE_DELAY=0";
        assertThat(H2WriteDelayCheck.warning(new DriverManagerDataSource(url, "sa", ""), "JDBC sink")).isEmpty();
    }

    @Test
    void inMemoryAndServerDatabasesNeedNoWarning() {
        assertThat(H2WriteDelayCheck.warning(new DriverManagerDataSource("jdbc:h2:mem:delay-check", "sa", ""), "outbox"))
                .isEmpty();
        assertThat(H2WriteDelayCheck.warning(PostgresConfig.get().dataSource(), "outbox")).isEmpty();
    }
}
