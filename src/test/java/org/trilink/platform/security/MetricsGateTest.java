package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsGateTest {

    @Test
    void anAddressIsWithinACidrBlockOfItsOwnFamily() {
        List<String> blocks = List.of("10.20.0.0/16", "192.168.1.7", "fd00::/8");
        assertThat(MetricsGate.within("10.20.3.4", blocks)).isTrue();
        assertThat(MetricsGate.within("10.21.0.1", blocks)).isFalse();
        assertThat(MetricsGate.within("192.168.1.7", blocks)).isTrue();
        assertThat(MetricsGate.within("192.168.1.8", blocks)).isFalse();
        assertThat(MetricsGate.within("fd12::1", blocks)).isTrue();
        assertThat(MetricsGate.within("2001:db8::1", blocks)).isFalse();
        assertThat(MetricsGate.within("::1", List.of(MetricsGate.DEMO_NETWORKS.split(",")))).isTrue();
        assertThat(MetricsGate.within("127.0.0.1", List.of(MetricsGate.DEMO_NETWORKS.split(",")))).isTrue();
        assertThat(MetricsGate.within("0.0.0.1", List.of("0.0.0.0/0"))).isTrue();
    }

    @Test
    void namesAndNonsenseAreNeverWithin() {
        // a forwarded "address" could be any text: it is never looked up in DNS
        assertThat(MetricsGate.within("localhost", List.of("127.0.0.0/8"))).isFalse();
        assertThat(MetricsGate.within("monitor.example", List.of("0.0.0.0/0"))).isFalse();
        assertThat(MetricsGate.within(null, List.of("0.0.0.0/0"))).isFalse();
        assertThat(MetricsGate.within("10.0.0.1", List.of("10.0.0.0/99", "bad/8", ""))).isFalse();
        assertThat(MetricsGate.within("10.0.0.1", List.of())).isFalse();
    }
}
