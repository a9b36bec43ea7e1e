package io.auditrail.core.internal.stream.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kept-alive connections between batches, per scheme, host and port. A connection is handed out
 * only while its peer is among the addresses the guard has just accepted, so reuse never skips
 * the SSRF check; it is closed once idle longer than {@link #MAX_IDLE_NANOS}, before most receivers
 * close it themselves.
 */
final class IdleConnections {

    static final long MAX_IDLE_NANOS = 4_000_000_000L;
    private static final int MAX_PER_ROUTE = 4;

    record Route(String scheme, String host, int port) {
    }

    private record Idle(Socket socket, long since) {
    }

    private final Map<Route, Deque<Idle>> idle = new HashMap<>();
    private boolean closed;

    /** An idle connection to one of the accepted addresses, or {@code null}. */
    synchronized Socket take(Route route, List<InetAddress> accepted) {
        evictExpired(System.nanoTime());
        Deque<Idle> connections = idle.get(route);
        while (connections != null && !connections.isEmpty()) {
            Socket socket = connections.pollLast().socket();
            if (accepted.contains(socket.getInetAddress()) && !socket.isClosed()) {
                return socket;
            }
            closeQuietly(socket);
        }
        return null;
    }

    /** Keeps a connection whose exchange ended cleanly, or closes it when there is no room. */
    synchronized void put(Route route, Socket socket) {
        long now = System.nanoTime();
        evictExpired(now);
        Deque<Idle> connections = idle.computeIfAbsent(route, r -> new ArrayDeque<>());
        if (closed || connections.size() >= MAX_PER_ROUTE) {
            closeQuietly(socket);
            return;
        }
        connections.addLast(new Idle(socket, now));
    }

    /** Closes every idle connection; later ones are closed instead of kept. */
    synchronized void close() {
        closed = true;
        evictExpired(Long.MAX_VALUE);
    }

    private void evictExpired(long now) {
        for (Iterator<Deque<Idle>> routes = idle.values().iterator(); routes.hasNext();) {
            Deque<Idle> connections = routes.next();
            while (!connections.isEmpty() && now - connections.peekFirst().since() >= MAX_IDLE_NANOS) {
                closeQuietly(connections.pollFirst().socket());
            }
            if (connections.isEmpty()) {
                routes.remove();
            }
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
