package io.auditrail.server.support;

import io.auditrail.server.AuditServerApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real server as {@code java -jar} runs it, in a JVM of its own started in a working
 * directory of the test's choosing, so that its default {@code ./data} H2 file lands there; the
 * test can kill it with SIGKILL and start it again on the same files and port.
 */
public final class ChildServer implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    private final Path workingDirectory;
    private final Map<String, String> properties;
    private final int port;
    private Process process;
    private int starts;

    private ChildServer(Path workingDirectory, Map<String, String> properties, int port) {
        this.workingDirectory = workingDirectory;
        this.properties = properties;
        this.port = port;
    }

    /**
     * Starts a server in a child JVM and waits until it answers.
     *
     * @param workingDirectory the child's working directory
     * @param properties Spring properties on its command line, on top of the server's own defaults
     * @return the running server
     * @throws IOException when no port is free or the JVM cannot start
     */
    public static ChildServer start(Path workingDirectory, Map<String, String> properties) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ChildServer server = new ChildServer(workingDirectory, Map.copyOf(properties), port);
        server.restart();
        return server;
    }

    /**
     * Starts the killed server again on its files and port, and waits until it answers.
     *
     * @throws IOException when the JVM cannot start
     */
    public void restart() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                AuditServerApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = workingDirectory.resolve("server-" + ++starts + ".log");
        process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Http http = new Http(baseUri());
        try {
            Awaitility.await().atMost(START_DEADLINE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("the child server exited at start", () -> !process.isAlive())
                    .until(() -> http.get("/v1/usage", null).status() == 401);
        } catch (RuntimeException e) {
            throw new AssertionError("the child server did not start; its log:\n" + Files.readString(log), e);
        }
    }

    /**
     * Kills the server with SIGKILL: no shutdown hook, no flush, no clean close of the database.
     *
     * @throws InterruptedException when interrupted while waiting for the exit
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child server did not die within 30 s of SIGKILL");
        }
    }

    /**
     * Asks the server to stop with SIGTERM, as a service manager does, without waiting.
     */
    public void terminate() {
        process.destroy();
    }

    /**
     * Waits for the server to exit.
     *
     * @return its exit code
     * @throws InterruptedException when interrupted while waiting
     */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child server did not exit within 90 s");
        }
        return process.exitValue();
    }

    /**
     * Whether the server process is alive.
     *
     * @return {@code true} until it exits
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * What the child printed in its latest run.
     *
     * @return the log
     * @throws IOException when it cannot be read
     */
    public String log() throws IOException {
        return Files.readString(workingDirectory.resolve("server-" + starts + ".log"));
    }

    /**
     * The server's base URI.
     *
     * @return for example {@code http://127.0.0.1:54321}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
