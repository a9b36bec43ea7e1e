package io.auditrail.core.internal.stream.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to all of its addresses; the system resolver by default, a fixed map in tests. */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /**
     * Resolves a host.
     *
     * @param host a name or an IP literal
     * @return every address, at least one
     * @throws UnknownHostException when the name does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
