package io.auditrail.benchmarks.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker the benchmark runs against: {@code KafkaBrokerMain} (test sources) in a child JVM,
 * so the broker's CPU, heap and garbage collection are not in the measuring JVM; on two cores
 * they still compete for the same CPU. With {@code bench.kafka.bootstrap} set, an external
 * broker is used instead and nothing is started.
 */
final class BrokerProcess implements AutoCloseable {

    private static final String READY_PREFIX = "bootstrap=";
    private static final long STOP_WAIT_SECONDS = 30;

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Uses the external broker named by {@code bench.kafka.bootstrap}, or starts one in a child
     * JVM on the class path {@code bench.broker.classpath} with its data under
     * {@code bench.broker.tmpdir}.
     */
    static BrokerProcess start() throws IOException {
        String external = System.getProperty("bench.kafka.bootstrap");
        if (external != null && !external.isBlank()) {
            return new BrokerProcess(null, external.strip());
        }
        String classpath = System.getProperty("bench.broker.classpath");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("bench.broker.classpath is not set (nor bench.kafka.bootstrap);"
                    + " run audit-benchmarks/run-kafka-benchmark.sh");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("bench.broker.heap", "1g"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String dataDir = System.getProperty("bench.broker.tmpdir");
        if (dataDir != null && !dataDir.isBlank()) {
            command.add("-Djava.io.tmpdir=" + dataDir);
        }
        command.addAll(List.of("-cp", classpath, "io.auditrail.benchmarks.kafka.KafkaBrokerMain"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new BrokerProcess(process, awaitReady(process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String awaitReady(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(READY_PREFIX)) {
                Thread echo = new Thread(() -> output.lines().forEach(System.out::println), "kafka-broker-output");
                echo.setDaemon(true);
                echo.start();
                return line.substring(READY_PREFIX.length()).strip();
            }
            System.out.println(line);
        }
        throw new IllegalStateException("the Kafka broker JVM ended before it was ready (exit code "
                + process.onExit().join().exitValue() + ")");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String description() {
        return process == null ? "external broker " + bootstrapServers
                : "in-process KRaft broker (spring-kafka-test) in a child JVM, -Xmx"
                        + System.getProperty("bench.broker.heap", "1g");
    }

    /** Closes the broker's standard input, which stops it; kills it if it has not ended within 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        process.getOutputStream().close();
        if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
