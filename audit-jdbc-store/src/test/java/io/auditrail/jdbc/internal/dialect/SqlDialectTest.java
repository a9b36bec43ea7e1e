package io.auditrail.jdbc.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.jdbc.dialect.UnsupportedDatabaseException;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void detectsTheSupportedProducts() {
        assertThat(SqlDialect.forProductName("PostgreSQL").name()).isEqualTo("postgresql");
        assertThat(SqlDialect.forProductName("MariaDB").name()).isEqualTo("mysql");
        assertThat(SqlDialect.forProductName("MySQL").name()).isEqualTo("mysql");
        assertThat(SqlDialect.forProductName("H2").name()).isEqualTo("h2");
        assertThat(SqlDialect.forProductName("HSQL Database Engine").name()).isEqualTo("hsqldb");
        assertThat(SqlDialect.forProductName("H2").isEmbedded()).isTrue();
        assertThat(SqlDialect.forProductName("HSQL Database Engine").isEmbedded()).isTrue();
        assertThat(SqlDialect.forProductName("PostgreSQL").isEmbedded()).isFalse();
    }

    @Test
    void pipelinesStatementsOnlyOnPostgresqlThroughPgjdbc() {
        assertThat(SqlDialect.forDatabase("PostgreSQL", "PostgreSQL JDBC Driver").pipelinesStatements()).isTrue();
        assertThat(SqlDialect.forDatabase("PostgreSQL", "Another PostgreSQL driver").pipelinesStatements()).isFalse();
        assertThat(SqlDialect.forProductName("PostgreSQL").pipelinesStatements()).isFalse();
        assertThat(SqlDialect.forDatabase("MySQL", "PostgreSQL JDBC Driver").pipelinesStatements()).isFalse();
        assertThat(SqlDialect.forDatabase("H2", "H2 JDBC Driver").pipelinesStatements()).isFalse();
    }

    @Test
    void refusesOtherProductsNamingTheSupportedOnesAndTheWayAround() {
        assertThatThrownBy(() -> SqlDialect.forProductName("Apache Derby"))
                .isInstanceOf(UnsupportedDatabaseException.class)
                .hasMessageContaining("'Apache Derby'")
                .hasMessageContaining("PostgreSQL, MySQL/MariaDB, H2 and HSQLDB")
                .hasMessageContaining("auditrail.sink=log");
    }
}
