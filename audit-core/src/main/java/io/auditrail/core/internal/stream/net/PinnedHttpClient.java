package io.auditrail.core.internal.stream.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A deliberately small HTTP/1.1 client for stream deliveries: POSTs sent to
 * an address the {@link DestinationGuard} has just checked (a kept-alive connection is reused only
 * while its peer is among the addresses just checked). The JDK's {@code HttpClient} resolves
 * the host itself and offers no hook (before JDK 18) to pin the address, which would leave a DNS
 * rebinding window between the check and the connection. TLS runs over the pinned socket with the
 * URL's host name for SNI and certificate host name verification. Redirects are never followed,
 * connect and whole-request timeouts apply, and at most {@code maxResponseBytes} of the answer are read.
 */
public final class PinnedHttpClient implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final DestinationGuard guard;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final SSLSocketFactory tls;
    private final IdleConnections idle = new IdleConnections();

    /**
     * Creates a client.
     *
     * @param guard checks the destination before each connection
     * @param connectTimeout limit on opening the connection (per address tried)
     * @param requestTimeout limit on the whole exchange after connecting
     * @param maxResponseBytes most body bytes read
     * @param tls makes TLS sockets; {@code SSLSocketFactory.getDefault()} outside tests
     */
    public PinnedHttpClient(DestinationGuard guard, Duration connectTimeout, Duration requestTimeout,
            int maxResponseBytes, SSLSocketFactory tls) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.tls = tls;
    }

    /**
     * Posts a body.
     *
     * @param url the destination
     * @param headers extra headers (names and values without CR or LF)
     * @param body the body
     * @return the answer
     * @throws IOException when no answer came (refused, reset, timed out, malformed)
     * @throws io.auditrail.core.stream.ForbiddenDestinationException when the destination is refused now
     */
    public HttpAnswer post(URI url, Map<String, String> headers, byte[] body) throws IOException {
        List<InetAddress> addresses = guard.resolve(url);
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String host = DestinationGuard.hostOf(url);
        IdleConnections.Route route = new IdleConnections.Route(https ? "https" : "http", host, port);
        byte[] head = requestHead(url, host, port, https, headers, body.length);
        Socket reused = idle.take(route, addresses);
        if (reused != null) {
            Exchange exchange = new Exchange(reused, System.nanoTime() + requestTimeout.toNanos());
            try {
                return exchange.run(route, head, body);
            } catch (IOException e) {
                // The receiver closed the kept-alive connection while it was idle: nothing of an
                // answer came, so sending again on a new connection is the retry at-least-once allows.
                if (e instanceof SocketTimeoutException || exchange.answerStarted()) {
                    throw e;
                }
            }
        }
        long deadline = System.nanoTime() + connectTimeout.toNanos() * addresses.size() + requestTimeout.toNanos();
        return new Exchange(connect(addresses, port, https, host), deadline).run(route, head, body);
    }

    /** Closes the kept-alive connections; the client stays usable and opens new ones. */
    @Override
    public void close() {
        idle.close();
    }

    /** One request and its answer on a connection, which goes back to the idle ones when it may be reused. */
    private final class Exchange {

        private final Socket socket;
        private final long deadline;
        private int answerBytes;

        Exchange(Socket socket, long deadline) {
            this.socket = socket;
            this.deadline = deadline;
        }

        boolean answerStarted() {
            return answerBytes > 0;
        }

        HttpAnswer run(IdleConnections.Route route, byte[] head, byte[] body) throws IOException {
            boolean keep = false;
            BoundedReader reader = null;
            try {
                reader = new BoundedReader(socket.getInputStream(), socket, deadline);
                socket.setSoTimeout(remainingMillis(deadline));
                // One write: head and body in separate small segments would wait on the
                // receiver's delayed ACK (Nagle) once the connection is kept alive.
                byte[] request = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                Answer answer = read(reader);
                keep = answer.reusable();
                return answer.answer();
            } finally {
                answerBytes = reader == null ? 0 : reader.headerBytes;
                if (keep) {
                    idle.put(route, socket);
                } else {
                    IdleConnections.closeQuietly(socket);
                }
            }
        }
    }

    private Socket connect(List<InetAddress> addresses, int port, boolean https, String host) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                plain.setTcpNoDelay(true);
                if (!https) {
                    return plain;
                }
                SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.setSoTimeout((int) connectTimeout.toMillis());
                secure.startHandshake();
                return secure;
            } catch (IOException e) {
                plain.close();
                last = e;
            }
        }
        throw last == null ? new IOException("no address to connect to") : last;
    }

    private static byte[] requestHead(URI url, String host, int port, boolean https, Map<String, String> headers,
            int length) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: auditrail-streams\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: keep-alive\r\n");
        headers.forEach((name, value) -> {
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name.strip() + " holds a line break");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The answer, and whether the connection ended at its last byte and the receiver keeps it open. */
    private record Answer(HttpAnswer answer, boolean reusable) {
    }

    private Answer read(BoundedReader reader) throws IOException {
        String statusLine = reader.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("malformed status line from receiver");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line from receiver", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = reader.line(); !line.isEmpty(); line = reader.line()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        // 204 and 304 never have a body, whatever the headers say; reading one would wait for a close.
        boolean bodiless = status == 204 || status == 304;
        long length = bodiless ? 0 : parseLength(headers.get("content-length"));
        byte[] body = bodiless ? new byte[0]
                : chunked ? reader.chunked(maxResponseBytes) : reader.body(length, maxResponseBytes);
        // Only a length-delimited answer read to its end leaves the connection at a request
        // boundary; chunked trailers and answers cut at maxResponseBytes are not worth resuming.
        boolean reusable = parts[0].equals("HTTP/1.1") && (bodiless || !chunked) && length >= 0 && body.length == length
                && !"close".equalsIgnoreCase(headers.get("connection"));
        return new Answer(new HttpAnswer(status, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8)), reusable);
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("request timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Reads the answer within the deadline and the size bounds. */
    private static final class BoundedReader {

        private final InputStream in;
        private final Socket socket;
        private final long deadline;
        private int headerBytes;

        BoundedReader(InputStream in, Socket socket, long deadline) {
            this.in = in;
            this.socket = socket;
            this.deadline = deadline;
        }

        int next() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = next(); b != '\n'; b = next()) {
                if (b < 0) {
                    throw new IOException("receiver closed the connection before the end of its answer's head");
                }
                if (++headerBytes > MAX_HEADER_BYTES) {
                    throw new IOException("receiver's answer head exceeds " + MAX_HEADER_BYTES + " bytes");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] body(long length, int max) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            long wanted = length < 0 ? max : Math.min(length, max);
            byte[] buffer = new byte[4096];
            while (body.size() < wanted) {
                socket.setSoTimeout(remainingMillis(deadline));
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - body.size()));
                if (read < 0) {
                    break;
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        }

        byte[] chunked(int max) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (body.size() < max) {
                String sizeLine = line();
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("malformed chunk size from receiver", e);
                }
                if (size == 0) {
                    break;
                }
                body.writeBytes(body(size, (int) Math.min(size, max - body.size())));
                if (body.size() >= max) {
                    break;
                }
                line();
            }
            return body.toByteArray();
        }
    }
}
