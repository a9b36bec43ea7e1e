package io.auditrail.core.internal.request;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Writes client IP addresses in one form, so that equal addresses are equal strings: IPv6 in
 * the RFC 5952 form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1} as servlet containers report it),
 * IPv4 unchanged. Applied where a request's address is captured, never to stored rows, whose
 * text is part of their hash.
 */
final class IpAddresses {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");

    private IpAddresses() {
    }

    /**
     * The canonical text of an address.
     *
     * @param address an IPv4 or IPv6 literal, possibly with an IPv6 zone ({@code %eth0}), or {@code null}
     * @return the RFC 5952 text of an IPv6 literal; anything else (IPv4, a hostname, a malformed
     *         value) unchanged
     */
    static String canonical(String address) {
        if (address == null || address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        int zoneAt = address.indexOf('%');
        String literal = zoneAt < 0 ? address : address.substring(0, zoneAt);
        String zone = zoneAt < 0 ? "" : address.substring(zoneAt);
        InetAddress parsed;
        try {
            // A literal containing ':' is parsed, never looked up in DNS.
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return address;
        }
        return compress(parsed.getAddress()) + zone;
    }

    /** RFC 5952 section 4: lower-case hex, no leading zeros, the first longest run of two or more zero groups as "::". */
    private static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
