package io.auditrail.benchmarks.chain;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Whether the sealer keeps up with writers flooding 100-event batches through
 * {@code JdbcAuditStore.write}. One pass, on fresh tables: writers alone for a window (the
 * baseline), the backlog they left sealed alone, then writers and sealers side by side for
 * the same window, the leaves and the backlog counted the moment it closes. The ratio is the
 * rows sealed in that window over the rows written in it: at 1.0 or more the backlog cannot grow.
 */
final class SealingRatio {

    /** One writers-and-sealers setting, measured over several passes. */
    record Result(int writers, int sealers, int sealBatch, Spread ingestAlone, Spread drainAlone, Spread ingestWhileSealing,
            Spread sealedWhileIngesting, Spread ratio, Spread backlog, Spread sealerCpuShare) {
    }

    private record Pass(double ingestAlone, double drainAlone, double ingestBoth, double sealedBoth, long backlog,
            double sealerCpuShare) {
    }

    private record Window(long written, long leavesAtEnd, long backlogAtEnd, long sealerCpuNanos) {
    }

    private final BenchDatabase database;
    private final int seconds;
    private final int batch;

    SealingRatio(BenchDatabase database, int seconds, int batch) {
        this.database = database;
        this.seconds = seconds;
        this.batch = batch;
    }

    Result measure(int writers, int sealers, int sealBatch, int passes) throws Exception {
        List<Pass> results = new ArrayList<>();
        for (int p = 1; p <= passes; p++) {
            Pass pass = pass(writers, sealers, sealBatch);
            System.out.printf(Locale.ROOT, "  seal %dw/%ds/batch %d pass %d: ingest alone %,.0f/s, drain alone %,.0f/s,"
                    + " ingest while sealing %,.0f/s, sealed while ingesting %,.0f/s = %.2fx, backlog %,d,"
                    + " sealer CPU %.0f%% of the window; load %s%n", writers, sealers, sealBatch, p, pass.ingestAlone(),
                    pass.drainAlone(), pass.ingestBoth(), pass.sealedBoth(), pass.sealedBoth() / pass.ingestBoth(),
                    pass.backlog(), 100 * pass.sealerCpuShare(), LogBenchmarks.loadAverage());
            results.add(pass);
        }
        return new Result(writers, sealers, sealBatch, spread(results, Pass::ingestAlone), spread(results, Pass::drainAlone),
                spread(results, Pass::ingestBoth), spread(results, Pass::sealedBoth),
                spread(results, pass -> pass.sealedBoth() / pass.ingestBoth()),
                spread(results, pass -> (double) pass.backlog()), spread(results, Pass::sealerCpuShare));
    }

    private static Spread spread(List<Pass> passes, ToDoubleFunction<Pass> figure) {
        return Spread.of(passes.stream().mapToDouble(figure).boxed().toList());
    }

    private Pass pass(int writers, int sealers, int sealBatch) throws Exception {
        try (HikariDataSource pool = database.pool(writers + sealers + 2);
                BenchLog log = BenchLog.create(database, pool, "log_seal", sealers, sealBatch)) {
            ExecutorService threads = Executors.newFixedThreadPool(writers + sealers);
            try {
                Window alone = window(threads, log, writers, false);
                long drainStart = System.nanoTime();
                long drained = log.chain().sealPending();
                double drainRate = drained / ((System.nanoTime() - drainStart) / 1e9);
                long leavesBefore = log.scalar("SELECT COUNT(*) FROM " + log.leaves());
                Window both = window(threads, log, writers, true);
                return new Pass(alone.written() / (double) seconds, drainRate, both.written() / (double) seconds,
                        (both.leavesAtEnd() - leavesBefore) / (double) seconds, both.backlogAtEnd(),
                        both.sealerCpuNanos() / (seconds * 1e9));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** One timed window of writers, with the sealers beside them when {@code sealing}. */
    private Window window(ExecutorService threads, BenchLog log, int writers, boolean sealing) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        List<Long> sealerThreads = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sealerCpu = new AtomicLong();
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(threads.submit(() -> {
                Thread.currentThread().setName("writer-" + writer);
                EventGenerator generator = new EventGenerator();
                while (running.get()) {
                    List<AuditEvent> events = generator.events(batch);
                    log.store().write(events);
                    written.addAndGet(events.size());
                }
                return null;
            }));
        }
        JdbcAuditChain chain = log.chain();
        ThreadMXBean management = ManagementFactory.getThreadMXBean();
        for (int p = 0; sealing && p < chain.sealerThreads(); p++) {
            int partition = p;
            tasks.add(threads.submit(() -> {
                Thread.currentThread().setName("sealer-" + partition);
                sealerThreads.add(Thread.currentThread().getId());
                sealerCpu.addAndGet(-management.getCurrentThreadCpuTime());
                // As the starter's sealer loop: seal until nothing is pending, then a short pause.
                while (running.get()) {
                    if (chain.sealPending(partition) == 0) {
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        long writtenAtEnd = written.get();
        synchronized (sealerThreads) {
            for (long id : sealerThreads) {
                sealerCpu.addAndGet(management.getThreadCpuTime(id));
            }
        }
        long leavesAtEnd = sealing ? log.scalar("SELECT COUNT(*) FROM " + log.leaves()) : 0;
        long backlogAtEnd = sealing ? log.scalar("SELECT COUNT(*) FROM " + log.table()) - leavesAtEnd : 0;
        running.set(false);
        for (Future<?> task : tasks) {
            task.get();
        }
        return new Window(writtenAtEnd, leavesAtEnd, backlogAtEnd, sealerCpu.get());
    }
}
