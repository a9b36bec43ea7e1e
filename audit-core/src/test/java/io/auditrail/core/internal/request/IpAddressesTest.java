package io.auditrail.core.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void ipv6IsWrittenInTheRfc5952Form() {
        assertThat(IpAddresses.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(IpAddresses.canonical("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(IpAddresses.canonical("2001:DB8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddresses.canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddresses.canonical("fe80:0:0:0:200:f8ff:fe21:67cf%eth0")).isEqualTo("fe80::200:f8ff:fe21:67cf%eth0");
        assertThat(IpAddresses.canonical("2001:0db8:0000:0000:0000:ff00:0042:8329")).isEqualTo("2001:db8::ff00:42:8329");
        assertThat(IpAddresses.canonical("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        assertThat(IpAddresses.canonical("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(IpAddresses.canonical(null)).isNull();
        assertThat(IpAddresses.canonical("proxy.example.com")).isEqualTo("proxy.example.com");
        assertThat(IpAddresses.canonical("not:an:address:zz")).isEqualTo("not:an:address:zz");
        assertThat(IpAddresses.canonical("1:2:3")).isEqualTo("1:2:3");
        assertThat(IpAddresses.canonical("unknown")).isEqualTo("unknown");
    }
}
