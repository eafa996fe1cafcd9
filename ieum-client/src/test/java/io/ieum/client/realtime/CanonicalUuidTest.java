package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUuidTest {

    @ParameterizedTest
    @ValueSource(strings = {"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "80000000-0000-7000-8000-000000000001"})
    void canonicalIdsShouldBeReadFromTextAndFromBytesAsUuidReadsThem(String id) {
        UUID expected = UUID.fromString(id);
        byte[] framed = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        CanonicalUuid fromText = new CanonicalUuid();
        CanonicalUuid fromBytes = new CanonicalUuid();

        assertThat(fromText.read(id)).isTrue();
        assertThat(fromBytes.read(framed, 7, 7 + 36)).isTrue();

        assertThat(new UUID(fromText.msb(), fromText.lsb())).isEqualTo(expected);
        assertThat(new UUID(fromBytes.msb(), fromBytes.lsb())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B", "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5",
            "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bb", "0193a1b2+c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            "0193a1b2c3d4-7e5f-8a9b-0c1d2e3f4a5b0", "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g",
            "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5ｂ", "", "1-2-3-4-5"})
    void anyOtherFormShouldBeRefusedAndLeaveTheLastReadAlone(String id) {
        CanonicalUuid reader = new CanonicalUuid();
        reader.read("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        long msb = reader.msb();
        long lsb = reader.lsb();
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(id)).isFalse();
        assertThat(reader.read(utf8, 0, utf8.length)).isFalse();
        assertThat(reader.msb()).isEqualTo(msb);
        assertThat(reader.lsb()).isEqualTo(lsb);
    }
}
