package io.auditrail.benchmarks.caller;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Variants (a)–(c): what the caller pays for a cheap method called directly, through a
 * no-op proxy, and with {@code @Audited} in async mode (the JDBC sink on in-memory H2 behind
 * the queue). The async writer shares the machine's cores with the caller, as it would in
 * production. Run by {@link CallerBenchmarks}; the annotations are the defaults of a direct
 * {@code org.openjdk.jmh.Main} run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CpuCallBenchmark {

    /** Which {@link CallerVariant} to call. */
    @Param({"DIRECT", "PROXIED", "AUDITED_ASYNC"})
    public String variant;

    // Fields, not constants, so that the JIT cannot fold the call away.
    private String sku = "sku-1042";
    private int quantity = 42;

    private RunningApplication application;
    private QuoteService quotes;

    /** Starts the variant's application (none for the direct call). */
    @Setup(Level.Trial)
    public void start() {
        CallerVariant chosen = CallerVariant.valueOf(variant);
        if (chosen == CallerVariant.DIRECT) {
            quotes = new QuoteService();
        } else {
            application = new RunningApplication(chosen, CallerDatabase.H2);
            quotes = application.bean(QuoteService.class);
        }
    }

    /**
     * One call.
     *
     * @return the quote, so the call is not dead code
     */
    @Benchmark
    public long quote() {
        return quotes.quote(sku, quantity);
    }

    /** Stops the application, draining its queue, and reports its events. */
    @TearDown(Level.Trial)
    public void stop() {
        if (application != null) {
            application.close();
        }
    }
}
