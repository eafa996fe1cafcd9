package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

class UpgradeSnifferTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "unsure", value = {
            "'GET /ws HTTP/1.1'       | true",
            "'GET /ws?lang=ko HTTP/1.1' | true",
            "'GET /wsx HTTP/1.1'      | false",
            "'GET /ws/other HTTP/1.1' | false",
            "'GET / HTTP/1.1'         | false",
            "'POST /ws HTTP/1.1'      | false",
            "'get /ws HTTP/1.1'       | false",
            "'PRI * HTTP/2.0'         | false",
            "'GET /w'                 | unsure",
            "'GET /ws'                | unsure",
            "''                       | unsure",
    })
    void onlyAGetOfExactlyWsShouldBeTakenOver(String firstBytes, Boolean expected) {
        ByteBuf in = Unpooled.copiedBuffer(firstBytes, StandardCharsets.US_ASCII);

        assertThat(UpgradeSniffer.matches("GET /ws".getBytes(StandardCharsets.US_ASCII), in)).isEqualTo(expected);
        assertThat(in.readerIndex()).isZero(); // nothing consumed: Armeria gets every byte
        in.release();
    }
}
