package io.auditrail.benchmarks.kafka;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.BenchTables;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.benchmarks.support.ResultTable;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.JdbcAuditStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Kafka throughput of issue 10, in one run: the sink from 1 and 2 threads, and the async
 * dispatcher in front of it, beside a raw producer with the sink's settings; the loader into
 * PostgreSQL beside a consume-only consumer and the store alone. Every measurement of a pass
 * uses a fresh topic; the methods take turns within each pass and ratios are taken within the
 * pass. Prints one Markdown table with medians and min–max, and the machine it ran on.
 *
 * <p>Options (system properties): {@code bench.passes} (3), {@code bench.seconds} (window per
 * producer measurement, 10), {@code bench.warmup.seconds} (3), {@code bench.loader.events}
 * (200,000), {@code bench.warmup.events} (20,000), {@code bench.partitions} (6),
 * {@code bench.loader.large-poll} (the larger {@code max.poll.records} tried, 2,000), and for
 * the broker {@code bench.broker.classpath}, {@code bench.broker.tmpdir}, {@code bench.broker.heap}
 * or {@code bench.kafka.bootstrap} (an external broker).
 */
public final class KafkaThroughputBenchmark {

    private static final String TABLE = "bench_kafka_loader";
    /** The loader's own default {@code max.poll.records} (see {@code ConsumerConfigs}). */
    private static final int DEFAULT_POLL = 500;

    private final BenchDatabase database;
    private final Topics topics;
    private final String bootstrapServers;
    private final JdbcAuditStore store;
    private final int largePoll;

    private KafkaThroughputBenchmark(BenchDatabase database, Topics topics, String bootstrapServers,
            JdbcAuditStore store, int largePoll) {
        this.database = database;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.store = store;
        this.largePoll = largePoll;
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the file to write the Markdown results to
     * @throws Exception when Kafka or the database fails
     */
    public static void main(String[] args) throws Exception {
        int passes = Integer.getInteger("bench.passes", 3);
        Duration window = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Duration warmUpWindow = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 3));
        int loaderEvents = Integer.getInteger("bench.loader.events", 200_000);
        int warmUpEvents = Math.min(loaderEvents, Integer.getInteger("bench.warmup.events", 20_000));
        int partitions = Integer.getInteger("bench.partitions", 6);
        int largePoll = Integer.getInteger("bench.loader.large-poll", 2_000);
        double loadAtStart = loadAverage();
        BenchDatabase database = BenchDatabase.fromEnvironment();

        List<AuditEvent> events = new EventGenerator().events(loaderEvents);
        EncodedEvents encoded = EncodedEvents.of(events);
        EncodedEvents warmUpEncoded = EncodedEvents.of(events.subList(0, warmUpEvents));
        try (BrokerProcess broker = BrokerProcess.start();
                Topics topics = new Topics(broker.bootstrapServers(), partitions);
                HikariDataSource pool = database.pool(2)) {
            JdbcAuditStore store = BenchTables.create(pool, TABLE);
            try {
                KafkaThroughputBenchmark benchmark = new KafkaThroughputBenchmark(database, topics,
                        broker.bootstrapServers(), store, largePoll);
                Methods methods = new Methods(encoded, events);
                long start = System.nanoTime();
                benchmark.pass(0, new Figures(), methods, warmUpWindow, events.subList(0, warmUpEvents), warmUpEncoded);
                Figures figures = new Figures();
                for (int pass = 1; pass <= passes; pass++) {
                    benchmark.pass(pass, figures, methods, window, events, encoded);
                }
                String machine = String.format(Locale.ROOT,
                        "Machine: %d cores (nproc), %s %s, Kafka %s (%s), PostgreSQL %s (default durability), load"
                                + " average %.1f at start and %.1f at the end; %s after a warm-up pass, %d s per"
                                + " producer window, %d partitions, %,d events per loader pass (value %.0f bytes on"
                                + " average), %.1f minutes in all; figures are medians of the passes with min–max in"
                                + " brackets, every ratio taken within a pass.",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"), AppInfoParser.getVersion(), broker.description(),
                        postgresVersion(database), loadAtStart, loadAverage(), passes == 1 ? "1 pass" : passes + " passes",
                        window.toSeconds(), partitions,
                        loaderEvents, encoded.averageValueBytes(), (System.nanoTime() - start) / 60e9);
                String report = machine + "\n\n" + benchmark.table(methods, figures, loaderEvents).toMarkdown();
                System.out.println();
                System.out.println(report);
                if (args.length > 0) {
                    Files.writeString(Path.of(args[0]), report);
                }
            } finally {
                database.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    /** The producer-side methods, which take turns within a pass. */
    private record Methods(RawProducer raw1, RawProducer raw2, RawProducer waiting1, RawProducer waiting2,
            SinkWrites sink1, SinkWrites sink2, SinkWrites prebuilt1, DispatcherCalls dispatcher1,
            DispatcherCalls dispatcher2, DispatcherCalls sharded2) {

        Methods(EncodedEvents encoded, List<AuditEvent> events) {
            this(new RawProducer(encoded, 1, false), new RawProducer(encoded, 2, false),
                    new RawProducer(encoded, 1, true), new RawProducer(encoded, 2, true),
                    new SinkWrites(1, null), new SinkWrites(2, null), new SinkWrites(1, events),
                    new DispatcherCalls(1, 1), new DispatcherCalls(2, 1), new DispatcherCalls(2, 2));
        }

        /** Each pass starts one method later, so no method always runs first or right after another. */
        List<ProducerMethod> inTurn(int pass) {
            List<ProducerMethod> order = new ArrayList<>(List.of(raw1, sink1, dispatcher1, waiting1, prebuilt1, raw2,
                    sink2, dispatcher2, waiting2, sharded2));
            Collections.rotate(order, -pass);
            return order;
        }
    }

    private void pass(int pass, Figures figures, Methods methods, Duration window, List<AuditEvent> events,
            EncodedEvents encoded) throws Exception {
        List<ProducerMethod> inTurn = methods.inTurn(pass);
        List<String> fresh = topics.create(inTurn.size() + 1);
        for (int i = 0; i < inTurn.size(); i++) {
            ProducerMethod method = inTurn.get(i);
            long startCpu = processCpuNanos();
            long start = System.nanoTime();
            double rate = method.eventsPerSecond(bootstrapServers, fresh.get(i), window);
            double sent = rate * (System.nanoTime() - start) / 1e9;
            figures.add(pass, method.label(), rate, (processCpuNanos() - startCpu) / 1e3 / sent);
            topics.delete(fresh.get(i));
        }
        String topic = fresh.get(inTurn.size());
        figures.add(pass, fillLabel(events.size()), new RawProducer(encoded, 1, false).fill(bootstrapServers, topic));
        LoaderRuns runs = new LoaderRuns(database, store, TABLE, events);
        figures.add(pass, consumeLabel(), runs.consumeOnly(bootstrapServers, topic));
        for (int poll : List.of(DEFAULT_POLL, largePoll)) {
            figures.add(pass, storeLabel(poll), runs.storeAlone(poll));
            figures.add(pass, loaderLabel(poll), runs.load(bootstrapServers, topic, poll));
        }
        topics.delete(topic);
    }

    private ResultTable table(Methods methods, Figures figures, int loaderEvents) {
        ResultTable table = new ResultTable();
        String raw1 = methods.raw1().label();
        String raw2 = methods.raw2().label();
        String sink1 = methods.sink1().label();
        addRow(table, figures, raw1, null, null, "the baseline for 1 thread: the producer's ceiling with the sink's settings");
        addRow(table, figures, raw2, raw1, "raw, 1 thread", "the baseline for 2 threads (ratio: 2 threads ÷ 1)");
        addRow(table, figures, methods.waiting1().label(), raw1, "raw, 1 thread", "the sink's send-then-wait pattern without building or encoding");
        addRow(table, figures, methods.waiting2().label(), raw2, "raw, 2 threads", "");
        String waiting1 = methods.waiting1().label();
        addRow(table, figures, sink1, raw1, "raw, 1 thread",
                "÷ raw waiting per batch, 1 thread: " + figures.ratio(sink1, waiting1) + "; " + cpuNote(figures, sink1,
                        waiting1, "raw waiting"));
        addRow(table, figures, methods.prebuilt1().label(), raw1, "raw, 1 thread",
                "÷ raw waiting per batch, 1 thread: " + figures.ratio(methods.prebuilt1().label(), waiting1) + "; "
                        + cpuNote(figures, methods.prebuilt1().label(), waiting1, "raw waiting")
                        + "; the same events as the raw producer's, built outside the timing: the sink's own share");
        addRow(table, figures, methods.sink2().label(), raw2, "raw, 2 threads",
                "÷ raw waiting per batch, 2 threads: " + figures.ratio(methods.sink2().label(), methods.waiting2().label()));
        addRow(table, figures, methods.dispatcher1().label(), raw1, "raw, 1 thread",
                "÷ sink write, 1 thread: " + figures.ratio(methods.dispatcher1().label(), sink1));
        addRow(table, figures, methods.dispatcher2().label(), raw2, "raw, 2 threads",
                "÷ sink write, 1 thread: " + figures.ratio(methods.dispatcher2().label(), sink1)
                        + " (one writer thread either way)");
        addRow(table, figures, methods.sharded2().label(), raw2, "raw, 2 threads",
                "÷ one writer, 2 caller threads: " + figures.ratio(methods.sharded2().label(), methods.dispatcher2().label())
                        + "; " + cpuNote(figures, methods.sharded2().label(), methods.dispatcher2().label(), "one writer")
                        + "; each organisation's events on one writer");
        addRow(table, figures, fillLabel(loaderEvents), raw1, "raw, 1 thread", "fills the loader's topic: distinct events, in order");
        addRow(table, figures, consumeLabel(), null, null, "the loader's baseline");
        for (int poll : List.of(DEFAULT_POLL, largePoll)) {
            addRow(table, figures, storeLabel(poll), consumeLabel(), "consume only", "no Kafka: the database's share of the loader");
            addRow(table, figures, loaderLabel(poll), consumeLabel(), "consume only",
                    "÷ raw producer, 1 thread: " + figures.ratio(loaderLabel(poll), raw1) + "; ÷ store alone: "
                            + figures.ratio(loaderLabel(poll), storeLabel(poll)) + "; row count checked");
        }
        return table;
    }

    private static String cpuNote(Figures figures, String label, String baseline, String baselineName) {
        return figures.cpu(label) + " vs " + figures.cpu(baseline) + " (" + baselineName + "), CPU ratio "
                + figures.cpuRatio(label, baseline);
    }

    private static void addRow(ResultTable table, Figures figures, String label, String baseline, String baselineName,
            String notes) {
        table.add(label, figures.rate(label), baseline == null ? "—" : figures.rate(baseline) + " (" + baselineName + ")",
                baseline == null ? "—" : figures.ratio(label, baseline), notes);
    }

    private static String fillLabel(int events) {
        return String.format(Locale.ROOT, "raw producer filling the loader's topic, %,d events, 1 thread", events);
    }

    private static String consumeLabel() {
        return "raw consumer, consume only, the loader's consumer settings";
    }

    private static String storeLabel(int batch) {
        return "`JdbcAuditStore.write` alone, batches of " + batch + ", same events";
    }

    private static String loaderLabel(int maxPollRecords) {
        return "`KafkaAuditLoader` → `JdbcAuditStore`, max.poll.records " + maxPollRecords
                + (maxPollRecords == DEFAULT_POLL ? " (default)" : "");
    }

    /** CPU time of this JVM: the producing threads, the client's network thread, GC and JIT, not the broker. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String postgresVersion(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }
}
