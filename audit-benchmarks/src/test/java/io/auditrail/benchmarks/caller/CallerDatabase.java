package io.auditrail.benchmarks.caller;

import io.auditrail.benchmarks.support.BenchDatabase;
import java.util.Map;
import java.util.UUID;

/** The database a benchmarked application runs on. */
enum CallerDatabase {

    /** H2 in memory, one database per application. */
    H2 {
        @Override
        Map<String, String> properties() {
            return Map.of("spring.datasource.url", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa", "spring.datasource.password", "");
        }

        @Override
        String javersDialect() {
            return "H2";
        }
    },
    /** The Debian PostgreSQL 15 named by {@code AUDITRAIL_BENCH_URL}, with default durability. */
    POSTGRESQL {
        @Override
        Map<String, String> properties() {
            BenchDatabase database = BenchDatabase.fromEnvironment();
            return Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.user(),
                    "spring.datasource.password", database.password());
        }

        @Override
        String javersDialect() {
            return "POSTGRES";
        }
    };

    abstract Map<String, String> properties();

    abstract String javersDialect();
}
