package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteAddressingTest {

    @Test
    void siteNShouldListenOnLoopbackAddressN() {
        assertThat(SiteAddressing.DEFAULT.host(Site.of(2))).isEqualTo("127.0.0.2");
        assertThat(SiteAddressing.DEFAULT.cql(Site.of(3))).isEqualTo(new InetSocketAddress("127.0.0.3", 9042));
        assertThat(SiteAddressing.DEFAULT.seeds()).isEqualTo("127.0.0.1:7000,127.0.0.2:7000,127.0.0.3:7000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.", "192.168.1.", "127.0.0", "127.0.0.1", "127.300.0.", ""})
    void nonLoopbackPrefixShouldBeRejected(String prefix) {
        assertThatThrownBy(() -> new SiteAddressing(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix: " + prefix + " (expected: 127.x.y.)");
    }

    @Test
    void anotherLoopbackBlockShouldBeAccepted() {
        assertThat(new SiteAddressing("127.0.10.").host(Site.of(1))).isEqualTo("127.0.10.1");
    }
}
