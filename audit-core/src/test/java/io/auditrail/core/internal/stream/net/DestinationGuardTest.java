package io.auditrail.core.internal.stream.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.stream.ForbiddenDestinationException;
import io.auditrail.core.stream.InvalidStreamException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationGuardTest {

    private static final Map<String, String> DNS = Map.of("siem.example.com", "93.184.215.14",
            "internal.example.com", "10.20.30.40", "cgnat.example.com", "100.64.1.1", "v6.example.com", "2606:4700::1111",
            "ula.example.com", "fd12:3456::1");

    private static final HostResolver FAKE_DNS = host -> {
        String address = DNS.get(host);
        if (address == null) {
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    };

    private final DestinationGuard guard = new DestinationGuard(List.of(), false, FAKE_DNS);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/x", "https://127.8.9.10/x", "https://[::1]/x", "https://169.254.169.254/latest",
        "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.0.10/", "https://100.64.1.1/", "https://0.0.0.0/",
        "https://[fe80::1]/", "https://[fd00:ec2::254]/", "https://[::ffff:169.254.169.254]/", "https://[64:ff9b::a00:1]/",
        "https://internal.example.com/hook", "https://cgnat.example.com/", "https://ula.example.com/",
        "https://168.63.129.16/", "https://224.0.0.1/"})
    void refusesInternalAddresses(String url) {
        assertThatThrownBy(() -> guard.resolve(URI.create(url))).isInstanceOf(ForbiddenDestinationException.class)
                .hasMessageContaining("internal address");
    }

    @Test
    void acceptsPublicAddressesAndReturnsTheCheckedOnes() throws Exception {
        assertThat(guard.resolve(URI.create("https://siem.example.com/services/collector")))
                .containsExactly(InetAddress.getByName("93.184.215.14"));
        assertThat(guard.resolve(URI.create("https://v6.example.com/"))).hasSize(1);
    }

    @Test
    void refusesWhenAnyOfSeveralAddressesIsInternal() {
        DestinationGuard mixed = new DestinationGuard(List.of(), false, host -> new InetAddress[] {
            InetAddress.getByName("93.184.215.14"), InetAddress.getByName("127.0.0.1")});
        assertThatThrownBy(() -> mixed.resolve(URI.create("https://siem.example.com/")))
                .isInstanceOf(ForbiddenDestinationException.class).hasMessageContaining("127.0.0.1");
    }

    @Test
    void theAllowListOpensRangesAndHosts() throws Exception {
        DestinationGuard allowing = new DestinationGuard(List.of("10.0.0.0/8", "ula.example.com"), false, FAKE_DNS);
        assertThat(allowing.resolve(URI.create("https://internal.example.com/"))).hasSize(1);
        assertThat(allowing.resolve(URI.create("https://ula.example.com/"))).hasSize(1);
        assertThatThrownBy(() -> allowing.resolve(URI.create("https://127.0.0.1/")))
                .isInstanceOf(ForbiddenDestinationException.class);
        assertThatThrownBy(() -> new DestinationGuard(List.of("not a host!"), false, FAKE_DNS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-destinations");
    }

    @Test
    void plainHttpNeedsPermissionAndBadUrlsAreNamed() {
        assertThatThrownBy(() -> guard.resolve(URI.create("http://siem.example.com/")))
                .isInstanceOf(ForbiddenDestinationException.class).hasMessageContaining("https");
        assertThat(new DestinationGuard(List.of(), true, FAKE_DNS).resolve(URI.create("http://siem.example.com/")))
                .hasSize(1);
        assertThatThrownBy(() -> guard.resolve(URI.create("ftp://siem.example.com/")))
                .isInstanceOf(InvalidStreamException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> guard.resolve(URI.create("https://user:pw@siem.example.com/")))
                .isInstanceOf(InvalidStreamException.class).hasMessageContaining("user info");
        assertThatThrownBy(() -> guard.resolve(URI.create("/relative")))
                .isInstanceOf(InvalidStreamException.class);
        assertThatThrownBy(() -> guard.resolve(URI.create("https://nowhere.example.com/")))
                .isInstanceOf(InvalidStreamException.class).hasMessageContaining("does not resolve");
    }

    @Test
    void cidrMatchesByPrefix() {
        Cidr range = Cidr.parse("100.64.0.0/10");
        assertThat(range.contains(address("100.127.255.255"))).isTrue();
        assertThat(range.contains(address("100.128.0.0"))).isFalse();
        assertThat(range.contains(address("::1"))).isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
