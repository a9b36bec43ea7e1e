package io.auditrail.core.internal.stream.net;

import io.auditrail.core.stream.ForbiddenDestinationException;
import io.auditrail.core.stream.InvalidStreamException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps streams from reaching the operator's own network (SSRF): a URL must be HTTPS (unless
 * plain HTTP is allowed) and every address its host resolves to must be public, unless the
 * address or the host is allow-listed. Checked at creation and again before every connection,
 * whose socket then goes to an address this guard returned, so a DNS answer that changes
 * between the check and the connection cannot redirect it.
 */
public final class DestinationGuard {

    /**
     * Ranges refused by default: "this" network, private (RFC 1918), CGNAT (RFC 6598, also
     * Alibaba's metadata 100.100.100.200), loopback, link-local (cloud metadata 169.254.169.254),
     * IETF protocol assignments, benchmarking, multicast and reserved; the Azure wire server;
     * IPv6 unspecified, loopback, link-local, site-local, unique-local (AWS's fd00:ec2::254) and multicast.
     */
    static final List<Cidr> REFUSED = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4",
            "240.0.0.0/4", "168.63.129.16/32", "::/128", "::1/128", "fe80::/10", "fec0::/10", "fc00::/7", "ff00::/8")
            .stream().map(Cidr::parse).toList();

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final Set<String> allowedHosts = new HashSet<>();
    private final boolean allowPlainHttp;
    private final HostResolver resolver;

    /**
     * Creates a guard.
     *
     * @param allowList CIDR ranges or bare IP addresses, and host names, that may be reached although internal
     * @param allowPlainHttp whether {@code http} URLs are accepted
     * @param resolver resolves host names
     * @throws IllegalArgumentException when an allow-list entry is neither a range nor a host name
     */
    public DestinationGuard(List<String> allowList, boolean allowPlainHttp, HostResolver resolver) {
        for (String entry : allowList) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (Character.isDigit(value.charAt(0)) && value.matches("[0-9./]+") || value.contains(":")) {
                allowedRanges.add(Cidr.parse(value));
            } else if (value.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                allowedHosts.add(value);
            } else {
                throw new IllegalArgumentException("auditrail.streams.allowed-destinations entry '" + entry
                        + "' is neither a CIDR range nor a host name");
            }
        }
        this.allowPlainHttp = allowPlainHttp;
        this.resolver = resolver;
    }

    /**
     * Checks a URL's shape: scheme, host, no user info, no fragment.
     *
     * @param url the URL
     * @throws InvalidStreamException when the URL is malformed
     * @throws ForbiddenDestinationException when its scheme is not allowed
     */
    public void checkShape(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque()) {
            throw new InvalidStreamException("url must be an absolute https:// URL but was '" + url + "'");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidStreamException("url must use https but was '" + scheme + "'");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw new ForbiddenDestinationException("url must use https (plain http is allowed only with "
                    + "auditrail.streams.allow-plain-http=true)");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new InvalidStreamException("url must name a host but was '" + url + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidStreamException("url must not carry user info; put credentials in the secret");
        }
        if (url.getRawFragment() != null) {
            throw new InvalidStreamException("url must not have a fragment");
        }
        if (url.toString().length() > 2048) {
            throw new InvalidStreamException("url must be at most 2048 characters");
        }
    }

    /**
     * Checks the URL and resolves its host, checking every address.
     *
     * @param url the URL
     * @return the checked addresses, in the resolver's order
     * @throws ForbiddenDestinationException when any address is refused
     * @throws InvalidStreamException when the URL is malformed or its host does not resolve
     */
    public List<InetAddress> resolve(URI url) {
        checkShape(url);
        String host = hostOf(url);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new InvalidStreamException("url host '" + host + "' does not resolve");
        }
        if (addresses.length == 0) {
            throw new InvalidStreamException("url host '" + host + "' does not resolve");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            if (isRefused(address)) {
                throw new ForbiddenDestinationException("url host '" + host + "' resolves to " + address.getHostAddress()
                        + ", an internal address streams may not reach (allow it with auditrail.streams.allowed-destinations)");
            }
        }
        return List.of(addresses);
    }

    static String hostOf(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private boolean isRefused(InetAddress address) {
        for (Cidr allowed : allowedRanges) {
            if (allowed.contains(address)) {
                return false;
            }
        }
        InetAddress effective = embeddedIpv4(address);
        if (effective != address && isRefused(effective)) {
            return true;
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        for (Cidr refused : REFUSED) {
            if (refused.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv6 address that only wraps an IPv4 one (NAT64, IPv4-compatible) is judged by the IPv4 one. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        if (NAT64.contains(address) || compatible && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
            try {
                return Inet4Address.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }
}
