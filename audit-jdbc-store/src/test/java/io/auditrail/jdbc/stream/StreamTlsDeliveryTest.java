package io.auditrail.jdbc.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.internal.stream.secret.SecretRules;
import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.HealthState;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamSettings;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.H2Config;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery over real TLS: HTTPS receivers on loopback whose self-signed certificates the JDK's
 * {@code keytool} generates for each run, one for {@code localhost} and one for another host name.
 * Host-name verification stays on; the trust store only adds anchors.
 */
class StreamTlsDeliveryTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    private final DataSource dataSource = H2Config.INSTANCE.dataSource();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private JdbcAuditStore store;
    private String eventsTable;
    private String streamsTable;

    @BeforeAll
    static void generateCertificates() throws Exception {
        keytool("localhost", "dns:localhost,ip:127.0.0.1");
        keytool("wrong", "dns:wrong.example");
    }

    /** A key pair and a self-signed certificate for the given names, valid two days. */
    private static void keytool(String alias, String subjectAlternativeNames) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + alias, "-ext", "SAN=" + subjectAlternativeNames,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.resolve(alias + ".p12").toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool: %s", output).isZero();
    }

    private static KeyStore keyStore(String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve(alias + ".p12"))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    /** Both certificates, without their keys: what an on-premise operator would hand over. */
    private static KeyStore trustStore() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String alias : List.of("localhost", "wrong")) {
            trust.setCertificateEntry(alias, keyStore(alias).getCertificate(alias));
        }
        return trust;
    }

    @BeforeEach
    void setUp() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        eventsTable = "ev_" + suffix;
        streamsTable = "st_" + suffix;
        store = JdbcAuditStore.builder(dataSource).tableName(eventsTable).initializeSchema(InitializeSchema.ALWAYS).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + streamsTable + "_refused");
            statement.execute("DROP TABLE IF EXISTS " + streamsTable);
            statement.execute("DROP TABLE IF EXISTS " + eventsTable);
        }
    }

    /** An HTTPS receiver on 127.0.0.1 presenting the certificate of the alias; records each body with its TLS protocol. */
    private URI httpsReceiver(String alias) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore(alias), PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(((HttpsExchange) exchange).getSSLSession().getProtocol() + " " + body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        toClose.add(() -> server.stop(0));
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/hook");
    }

    private JdbcStreams streams(KeyStore trustStore) {
        StreamSettings settings = StreamSettings.builder(AbstractStreamDeliveryTest.KEY)
                .allowDestinations(List.of("127.0.0.1/32", "::1/128", "localhost")).build();
        JdbcStreamsBuilder builder = JdbcStreams.builder(dataSource, settings).eventsTableName(eventsTable)
                .streamsTableName(streamsTable).initializeSchema(InitializeSchema.ALWAYS)
                .gapSettle(Duration.ofMillis(1));
        if (trustStore != null) {
            builder.trustStore(trustStore);
        }
        JdbcStreams streams = builder.build();
        toClose.add(streams);
        return streams;
    }

    private StreamDefinition webhook(JdbcStreams streams, URI url, String secret) {
        return streams.service().create("acme", new NewStream("siem", DestinationKind.WEBHOOK, url,
                StreamFormat.AUDITRAIL_JSON, secret, StartPoint.now()));
    }

    private List<AuditEvent> write(int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(AuditEvent.builder().organizationId("acme").timestamp(Instant.now())
                    .actor(Actor.user("alice", "Alice", "alice@example.com")).action("invoice.updated")
                    .resource(new Resource("invoice", "inv-" + i, null)).build());
        }
        store.write(events);
        return events;
    }

    @Test
    void deliversOverTlsToAReceiverWhoseCertificateTheTrustStoreAnchors() throws Exception {
        URI url = httpsReceiver("localhost");
        JdbcStreams streams = streams(trustStore());
        String secret = SecretRules.newWebhookSecret();
        webhook(streams, url, secret);
        List<AuditEvent> events = write(3);

        assertThat(streams.deliverDueNow()).isEqualTo(3);

        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("TLSv1.");
        for (AuditEvent event : events) {
            assertThat(received.get(0)).contains(event.id().toString());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        URI url = httpsReceiver("wrong");
        JdbcStreams streams = streams(trustStore());
        StreamDefinition stream = webhook(streams, url, SecretRules.newWebhookSecret());
        write(2);

        assertThat(streams.deliverDueNow()).isZero();

        assertThat(received).as("no request crosses a connection to the wrong host").isEmpty();
        StreamHealth health = streams.service().health("acme", stream.id());
        assertThat(health.state()).isEqualTo(HealthState.RETRYING);
        assertThat(health.lastError()).contains("localhost");
        assertThat(health.lagEvents()).isEqualTo(2);
    }

    @Test
    void withoutTheTrustStoreASelfSignedReceiverIsRefused() throws Exception {
        URI url = httpsReceiver("localhost");
        JdbcStreams streams = streams(null);
        StreamDefinition stream = webhook(streams, url, SecretRules.newWebhookSecret());
        write(1);

        assertThat(streams.deliverDueNow()).isZero();

        assertThat(received).isEmpty();
        StreamHealth health = streams.service().health("acme", stream.id());
        assertThat(health.state()).isEqualTo(HealthState.RETRYING);
        assertThat(health.lastError()).containsIgnoringCase("certification path");
    }

    @Test
    void aTrustStoreWithoutCertificatesIsRefusedAtBuild() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);

        assertThatThrownBy(() -> JdbcStreams.builder(dataSource, StreamSettings.builder(AbstractStreamDeliveryTest.KEY).build())
                .trustStore(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the streams trust store holds no X.509 certificate");
    }
}
