package io.auditrail.benchmarks.server;

import com.zaxxer.hikari.HikariDataSource;
import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.benchmarks.support.Spread;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.EventIds;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.jdbc.JdbcAuditStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code POST /v1/events} of single events by concurrent HTTP clients (JDK {@link HttpClient},
 * one keep-alive connection per client thread) against a real audit-server on loopback (its
 * packaged jar in a child JVM) on the Debian PostgreSQL, beside its limit: the store's
 * {@code write} of the same events, one event per call, from as many threads, on the same
 * database and table, in this JVM. Each pass runs every variant once per concurrency in turn,
 * so a burst of load hits them alike; each figure is the median of the passes with their range,
 * every ratio taken within a pass. Besides events per second it reports the CPU time per event
 * of the process doing the work (the server's JVM; this JVM for the store), which waiting for a
 * core does not inflate. Then it exports the organisation's rows (every event the passes stored)
 * through each server's {@code GET /v1/events/export?format=json}, beside the store's own JSON
 * Lines export of the same rows.
 *
 * <p>Arguments: the server jar of this build, the results file, and optionally a second server
 * jar (a build of the code before a change) measured in the same passes. Sizes:
 * {@code -Dbench.events} per window (2,000), {@code -Dbench.passes} (3, after one warm-up pass),
 * {@code -Dbench.threads} (1,4,16). {@code -Dbench.server.jfr=<dir>} records each server with
 * Flight Recorder into that directory.
 */
public final class ServerIngestBenchmark {

    private static final String ORGANIZATION = "server19-bench";

    private final int events;
    private final AuditEventCodec codec = new AuditEventCodec();
    private final List<AuditEvent> template;

    private ServerIngestBenchmark(int events) {
        this.events = events;
        this.template = new EventGenerator().events(events).stream()
                .map(event -> event.toBuilder().organizationId(ORGANIZATION).build()).toList();
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path results = Path.of(args[1]);
        Path beforeJar = args.length > 2 ? Path.of(args[2]) : null;
        int passes = Integer.getInteger("bench.passes", 3);
        int[] threadCounts = Arrays.stream(System.getProperty("bench.threads", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String jfr = System.getProperty("bench.server.jfr");
        BenchDatabase database = BenchDatabase.fromEnvironment();
        ServerIngestBenchmark benchmark = new ServerIngestBenchmark(Integer.getInteger("bench.events", 2_000));
        double loadAtStart = loadAverage();
        long begin = System.nanoTime();
        Map<String, ServerProcess> servers = new LinkedHashMap<>();
        int maxThreads = Arrays.stream(threadCounts).max().orElse(1);
        try (HikariDataSource pool = database.pool(maxThreads)) {
            servers.put("this build", ServerProcess.start(jar, database, ORGANIZATION, jfrOptions(jfr, "after")));
            if (beforeJar != null) {
                servers.put("before", ServerProcess.start(beforeJar, database, ORGANIZATION, jfrOptions(jfr, "before")));
            }
            database.execute("TRUNCATE audit_events");
            JdbcAuditStore store = JdbcAuditStore.builder(pool).build();
            Map<String, List<Window>> windows = new LinkedHashMap<>();
            List<Double> loads = new ArrayList<>();
            for (int pass = 0; pass <= passes; pass++) {
                loads.add(loadAverage());
                for (int threads : threadCounts) {
                    Window limit = benchmark.storeWindow(store, threads);
                    if (pass > 0) {
                        windows.computeIfAbsent(key("store", threads), k -> new ArrayList<>()).add(limit);
                    }
                    for (Map.Entry<String, ServerProcess> server : servers.entrySet()) {
                        Window window = benchmark.serverWindow(server.getValue(), threads);
                        if (pass > 0) {
                            windows.computeIfAbsent(key(server.getKey(), threads), k -> new ArrayList<>()).add(window);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "pass %d of %d done (%s)%n", pass, passes, pass == 0 ? "warm-up" : "measured");
            }
            long rows = count(database);
            Map<String, List<Window>> exports = new LinkedHashMap<>();
            for (int pass = 0; pass <= passes; pass++) {
                Window limit = exportWindow(store, rows);
                if (pass > 0) {
                    exports.computeIfAbsent("store", k -> new ArrayList<>()).add(limit);
                }
                for (Map.Entry<String, ServerProcess> server : servers.entrySet()) {
                    Window window = exportWindow(server.getValue(), rows);
                    if (pass > 0) {
                        exports.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(window);
                    }
                }
            }
            List<String> lines = report(windows, servers.keySet(), threadCounts, passes, benchmark.events, loadAtStart,
                    loads, (System.nanoTime() - begin) / 60e9);
            lines.addAll(exportReport(exports, servers.keySet(), rows));
            database.execute("TRUNCATE audit_events");
            Files.write(results, lines);
            lines.forEach(System.out::println);
        } finally {
            for (ServerProcess server : servers.values()) {
                server.close();
            }
        }
    }

    /** One window: how long the events took and the CPU time the working process spent on them. */
    record Window(double seconds, double cpuSeconds, int events) {
        double perSecond() {
            return events / seconds;
        }

        double cpuMicrosPerEvent() {
            return cpuSeconds * 1e6 / events;
        }
    }

    private Window storeWindow(JdbcAuditStore store, int threads) throws Exception {
        List<AuditEvent> batch = freshIds();
        long pid = ProcessHandle.current().pid();
        double cpu = ProcessCpu.seconds(pid);
        double seconds = ConcurrentWindow.run(threads, events, () -> item -> store.write(List.of(batch.get(item))));
        return new Window(seconds, ProcessCpu.seconds(pid) - cpu, events);
    }

    private Window serverWindow(ServerProcess server, int threads) throws Exception {
        List<String> bodies = freshIds().stream().map(codec::toHostedApiJson).toList();
        URI uri = server.base().resolve("/v1/events");
        String authorization = "Bearer " + server.apiKey();
        double cpu = server.cpuSeconds();
        double seconds = ConcurrentWindow.run(threads, events, () -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return item -> {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", authorization).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(item))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201) {
                    throw new IllegalStateException("POST answered " + answer.statusCode() + ": " + answer.body());
                }
            };
        });
        return new Window(seconds, server.cpuSeconds() - cpu, events);
    }

    private static long count(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM audit_events WHERE organization_id = ?")) {
            count.setString(1, ORGANIZATION);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The store's own JSON Lines export of the organisation's rows, in this JVM: the export's limit. */
    private static Window exportWindow(JdbcAuditStore store, long rows) throws Exception {
        long pid = ProcessHandle.current().pid();
        double cpu = ProcessCpu.seconds(pid);
        long begin = System.nanoTime();
        long exported = store.export(AuditQuery.builder().organizationId(ORGANIZATION).build(), ExportFormat.JSON_LINES,
                OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (exported != rows) {
            throw new IllegalStateException("exported " + exported + " rows, expected " + rows);
        }
        return new Window(seconds, ProcessCpu.seconds(pid) - cpu, (int) rows);
    }

    /** {@code GET /v1/events/export?format=json} of the organisation's rows, read and discarded. */
    private static Window exportWindow(ServerProcess server, long rows) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        double cpu = server.cpuSeconds();
        long begin = System.nanoTime();
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(
                        server.base().resolve("/v1/events/export?format=json"))
                .header("Authorization", "Bearer " + server.apiKey()).build(), HttpResponse.BodyHandlers.ofInputStream());
        long objects;
        try (InputStream body = answer.body()) {
            objects = countObjects(body);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (answer.statusCode() != 200 || objects != rows) {
            throw new IllegalStateException("export answered " + answer.statusCode() + " with " + objects
                    + " events, expected " + rows);
        }
        return new Window(seconds, server.cpuSeconds() - cpu, (int) rows);
    }

    /** Counts the events of a JSON array of flat objects by their {@code "id"} keys, the first key of each. */
    private static long countObjects(InputStream body) throws IOException {
        byte[] marker = "{\"id\":".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[65536];
        long count = 0;
        int matched = 0;
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
            for (int i = 0; i < read; i++) {
                matched = buffer[i] == marker[matched] ? matched + 1 : (buffer[i] == marker[0] ? 1 : 0);
                if (matched == marker.length) {
                    count++;
                    matched = 0;
                }
            }
        }
        return count;
    }

    private static List<String> exportReport(Map<String, List<Window>> exports, Iterable<String> servers, long rows) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Export of the organisation's %,d rows as the hosted API's JSON array "
                + "(GET /v1/events/export?format=json) beside the store's own JSON Lines export of the same rows:", rows));
        lines.add("");
        lines.add("| variant | rows/s | ÷ store export (rows/s) | process CPU µs/row | ÷ before (rows/s) | "
                + "÷ before (CPU/row) |");
        lines.add("|---|---|---|---|---|---|");
        List<Window> limit = exports.get("store");
        lines.add(exportRow("store `export(JSON_LINES)` (the limit)", limit, limit, null));
        for (String server : servers) {
            lines.add(exportRow("audit-server, " + server, exports.get(server), limit,
                    server.equals("this build") ? exports.get("before") : null));
        }
        return lines;
    }

    private static String exportRow(String variant, List<Window> measured, List<Window> limit, List<Window> before) {
        String versusBefore = before == null ? "— | —" : ratio(measured, before, Window::perSecond).format("%.2f")
                + "× | " + ratio(measured, before, Window::cpuMicrosPerEvent).format("%.2f") + "×";
        return String.format(Locale.ROOT, "| %s | %s | %s× | %s | %s |", variant,
                Spread.of(measured.stream().map(Window::perSecond).toList()).format("%,.0f"),
                ratio(measured, limit, Window::perSecond).format("%.2f"),
                Spread.of(measured.stream().map(Window::cpuMicrosPerEvent).toList()).format("%,.1f"), versusBefore);
    }

    /** The same events under new ids, so every window stores them instead of answering replays. */
    private List<AuditEvent> freshIds() {
        return template.stream().map(event -> event.toBuilder().id(EventIds.next()).build()).toList();
    }

    private static List<String> report(Map<String, List<Window>> windows, Iterable<String> servers, int[] threadCounts,
            int passes, int events, double loadAtStart, List<Double> loads, double minutes) {
        List<String> lines = new ArrayList<>();
        lines.add("# audit-server POST /v1/events beside the store's write of the same events");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%s, %d cores, PostgreSQL on loopback (default durability); %,d events "
                + "per window, one event per request or write call; %d passes after a warm-up pass, %.1f minutes; "
                + "load average %.2f at start, %s over the passes, %.2f at the end. Medians with min–max; every "
                + "ratio taken within a pass.", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), events, passes, minutes, loadAtStart,
                Spread.of(loads).format("%.1f"), loadAverage()));
        lines.add("");
        lines.add("| clients | variant | events/s | ÷ store write (events/s) | process CPU µs/event | "
                + "÷ before (events/s) | ÷ before (CPU/event) |");
        lines.add("|---|---|---|---|---|---|---|");
        for (int threads : threadCounts) {
            List<Window> limit = windows.get(key("store", threads));
            lines.add(row(threads, "store `write(List.of(event))` (the limit)", limit, limit, null));
            for (String server : servers) {
                lines.add(row(threads, "audit-server, " + server, windows.get(key(server, threads)), limit,
                        server.equals("this build") ? windows.get(key("before", threads)) : null));
            }
        }
        lines.add("");
        lines.add("Process CPU is the server's JVM for audit-server rows and this JVM (the writing threads) for the "
                + "store rows, from /proc/<pid>/stat at 10 ms resolution.");
        return lines;
    }

    private static String row(int threads, String variant, List<Window> measured, List<Window> limit,
            List<Window> before) {
        Spread rate = Spread.of(measured.stream().map(Window::perSecond).toList());
        Spread ratio = ratio(measured, limit, Window::perSecond);
        Spread cpu = Spread.of(measured.stream().map(Window::cpuMicrosPerEvent).toList());
        String versusBefore = before == null ? "— | —" : ratio(measured, before, Window::perSecond).format("%.2f") + "× | "
                + ratio(measured, before, Window::cpuMicrosPerEvent).format("%.2f") + "×";
        return String.format(Locale.ROOT, "| %d | %s | %s | %s× | %s | %s |", threads, variant, rate.format("%,.0f"),
                ratio.format("%.2f"), cpu.format("%,.0f"), versusBefore);
    }

    private static Spread ratio(List<Window> measured, List<Window> baseline,
            ToDoubleFunction<Window> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(figure.applyAsDouble(measured.get(i)) / figure.applyAsDouble(baseline.get(i)));
        }
        return Spread.of(ratios);
    }

    private static String key(String variant, int threads) {
        return variant + "/" + threads;
    }

    private static List<String> jfrOptions(String directory, String name) {
        return directory == null ? List.of()
                : List.of("-XX:StartFlightRecording=filename=" + Path.of(directory, name + ".jfr") + ",settings=profile");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
