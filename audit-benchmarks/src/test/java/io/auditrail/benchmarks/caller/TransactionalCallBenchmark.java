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
 * Variants (d) and (e): a {@code @Transactional} method updating one row, without audit,
 * inserting the audit row by hand (the limit of (d)), with {@code @Audited} writing in the
 * caller's transaction, and with JaVers'
 * {@code @JaversAuditable}, on H2 and on PostgreSQL with default durability. Calls go round
 * {@value RunningApplication#INVOICES} invoices, each a real change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TransactionalCallBenchmark {

    /** Which {@link CallerDatabase} the application runs on. */
    @Param({"H2", "POSTGRESQL"})
    public String database;

    /** Which {@link CallerVariant} to call. */
    @Param({"PLAIN", "HAND_WRITTEN_INSERT", "AUDITED_TRANSACTIONAL", "JAVERS"})
    public String variant;

    private RunningApplication application;
    private InvoiceService invoices;
    private long calls;

    /** Starts the variant's application and fills its invoice table. */
    @Setup(Level.Trial)
    public void start() {
        application = new RunningApplication(CallerVariant.valueOf(variant), CallerDatabase.valueOf(database));
        invoices = application.bean(InvoiceService.class);
    }

    /** One payment. */
    @Benchmark
    public void markPaid() {
        long call = ++calls;
        invoices.markPaid(new Invoice(1 + call % RunningApplication.INVOICES, "PAID", call, call));
    }

    /** Stops the application and reports the rows its auditing wrote. */
    @TearDown(Level.Trial)
    public void stop() {
        application.close();
    }
}
