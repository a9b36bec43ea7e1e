package io.auditrail.server.support;

import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.server.AuditServerApplication;
import io.auditrail.server.tenant.IssuedKey;
import io.auditrail.server.tenant.TenantDirectory;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The real server on a loopback port, started the way {@code java -jar} starts it, with test properties. */
public final class TestServer implements AutoCloseable {

    /** Admin token every test server is configured with unless told otherwise. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final Map<String, String> properties;
    private ConfigurableApplicationContext context;
    private int port;

    private TestServer(Map<String, String> properties) {
        this.properties = properties;
    }

    /**
     * Properties for a fresh in-memory H2 database of its own.
     *
     * @return the properties
     */
    public static Map<String, String> h2() {
        return database("jdbc:h2:mem:server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /**
     * Properties for the shared PostgreSQL of the jdbc-store test support (embedded unless configured).
     *
     * @return the properties
     */
    public static Map<String, String> postgres() {
        PGSimpleDataSource dataSource = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        return database(dataSource.getURL(), dataSource.getUser() == null ? "postgres" : dataSource.getUser(),
                dataSource.getPassword() == null ? "" : dataSource.getPassword());
    }

    /**
     * Properties for a database given by URL.
     *
     * @param url JDBC URL
     * @param user user
     * @param password password
     * @return the properties
     */
    public static Map<String, String> database(String url, String user, String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("auditrail.server.admin-token", ADMIN_TOKEN);
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    /**
     * Starts a server on a random port.
     *
     * @param properties database and server properties
     * @return the running server
     */
    public static TestServer start(Map<String, String> properties) {
        TestServer server = new TestServer(new LinkedHashMap<>(properties));
        server.run(0);
        return server;
    }

    private void run(int requestedPort) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=" + requestedPort);
        context = new SpringApplicationBuilder(AuditServerApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Runs an action when the server begins to stop, before its web server and database close;
     * the stop waits for the action, so a test can send requests into that window.
     *
     * @param action what to do, on the stopping thread
     */
    public void whenStopping(Runnable action) {
        context.addApplicationListener((ContextClosedEvent event) -> action.run());
    }

    /** Stops the server; {@link #restart()} brings it back on the same port. */
    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Starts the stopped server again on the port it had. */
    public void restart() {
        run(port);
    }

    /**
     * The server's base URI.
     *
     * @return for example {@code http://127.0.0.1:54321}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * A bean of the running server.
     *
     * @param type the bean type
     * @param <T> the type
     * @return the bean
     */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Issues a key directly in the server's directory.
     *
     * @param organizationId organisation
     * @param plan plan, or {@code null} for the default
     * @return the key
     */
    public IssuedKey newKey(String organizationId, String plan) {
        return bean(TenantDirectory.class).createKey(organizationId, plan, null);
    }

    @Override
    public void close() {
        stop();
    }
}
