package io.auditrail.benchmarks.store.query;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.core.store.AuditPage;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read calls as JMH sample-time benchmarks, for a close look at one page shape on a
 * quiet machine (percentiles, profilers through {@code -prof}). JMH runs one benchmark after
 * another, so on a busy machine the later ones look slower; the figures in docs/performance.md come
 * from {@link QueryLatencyHarness}, which interleaves store and baseline instead. Run with
 * {@code java -cp <classpath> org.openjdk.jmh.Main QueryLatencyBenchmark} after
 * {@code run-store-benchmarks.sh} has created the table; each call moves to the next organisation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryLatencyBenchmark {

    private QueryFixture fixture;

    /**
     * Connects and finds each organisation's deep cursor.
     *
     * @throws SQLException when the data set cannot be read
     */
    @Setup(Level.Trial)
    public void connect() throws SQLException {
        fixture = new QueryFixture(BenchDatabase.fromEnvironment());
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void disconnect() {
        fixture.close();
    }

    /**
     * Store: organisation + 30-day range, first page with its total.
     *
     * @return the page
     */
    @Benchmark
    public AuditPage storeFirstPage() {
        return fixture.calls().storeFirstPage(fixture.nextScenario());
    }

    /**
     * Store: the page 50,000 rows deep by offset, with the organisation's total.
     *
     * @return the page
     */
    @Benchmark
    public AuditPage storeOffsetPage() {
        return fixture.calls().storeOffsetPage(fixture.nextScenario());
    }

    /**
     * Store: the same page by keyset cursor, with the organisation's total.
     *
     * @return the page
     */
    @Benchmark
    public AuditPage storeCursorPage() {
        return fixture.calls().storeCursorPage(fixture.nextScenario());
    }

    /**
     * Raw JDBC: the first-page SQL and its count.
     *
     * @return characters read
     * @throws SQLException from the driver
     */
    @Benchmark
    public int rawFirstPageWithTotal() throws SQLException {
        return fixture.calls().rawFirstPageWithTotal(fixture.nextScenario());
    }

    /**
     * Raw JDBC: the offset page and the organisation's count.
     *
     * @return characters read
     * @throws SQLException from the driver
     */
    @Benchmark
    public int rawOffsetPageWithTotal() throws SQLException {
        return fixture.calls().rawOffsetPageWithTotal(fixture.nextScenario());
    }

    /**
     * Raw JDBC: the cursor page and the organisation's count.
     *
     * @return characters read
     * @throws SQLException from the driver
     */
    @Benchmark
    public int rawCursorPageWithTotal() throws SQLException {
        return fixture.calls().rawCursorPageWithTotal(fixture.nextScenario());
    }
}
