package io.auditrail.benchmarks.server;

import io.auditrail.benchmarks.support.BenchDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One packaged audit-server in a child JVM on the benchmark's database, with an API key of
 * its own and the CPU time its process has used, read from {@code /proc/<pid>/stat} so that
 * waiting for a core on a loaded machine is not counted.
 */
public final class ServerProcess implements AutoCloseable {

    private static final String ADMIN_TOKEN = "bench-admin-token";

    private final Process process;
    private final URI base;
    private final String apiKey;

    private ServerProcess(Process process, URI base, String apiKey) {
        this.process = process;
        this.base = base;
        this.apiKey = apiKey;
    }

    /**
     * Starts a server and waits until it answers.
     *
     * @param jar the packaged server
     * @param database where it stores events
     * @param organization the organisation its key belongs to
     * @param jvmOptions extra options for its JVM, such as a flight recording
     * @return the running server
     */
    public static ServerProcess start(Path jar, BenchDatabase database, String organization, List<String> jvmOptions)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--auditrail.server.admin-token=" + ADMIN_TOKEN, "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--logging.level.root=WARN", "--auditrail.server.retention-interval=365d"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            awaitUp(base, process);
            return new ServerProcess(process, base, newKey(base, organization));
        } catch (Exception e) {
            process.destroy();
            throw e;
        }
    }

    /** @return the server's address on loopback */
    public URI base() {
        return base;
    }

    /** @return an API key of the organisation it was started for */
    public String apiKey() {
        return apiKey;
    }

    /** User plus system CPU time of the server's JVM so far, every thread, in seconds. */
    double cpuSeconds() throws IOException {
        return ProcessCpu.seconds(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static void awaitUp(URI base, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                http.send(HttpRequest.newBuilder(base.resolve("/v1/usage")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("audit-server did not start on " + base);
    }

    private static String newKey(URI base, String organization) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/admin/keys"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organization
                        + "\",\"plan\":\"growth\",\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String body = answer.body();
        int at = body.indexOf("\"key\":\"");
        if (answer.statusCode() != 201 && answer.statusCode() != 200 || at < 0) {
            throw new IllegalStateException("no key: " + answer.statusCode() + " " + body);
        }
        return body.substring(at + 7, body.indexOf('"', at + 7));
    }
}
