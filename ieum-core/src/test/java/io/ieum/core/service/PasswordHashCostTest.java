package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordHashCostTest {

    @ParameterizedTest(name = "{0} KiB x {1} -> {2}")
    @CsvSource({
            "19456, 2, true",
            "47104, 1, true",
            "12288, 3, true",
            "9216, 4, true",
            "7168, 5, true",
            "65536, 3, true",
            "19455, 2, false",
            "47103, 1, false",
            "7168, 4, false",
            "64, 1, false",
    })
    void owaspMinimumShouldBeAnyOfItsEquallyStrongSettings(int memoryKiB, int iterations, boolean meets) {
        assertThat(new PasswordHashCost(memoryKiB, iterations, 1).meetsOwaspMinimum()).isEqualTo(meets);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0, 2, 1       | memory: 0 KiB (expected: 8..1048576 KiB, at least 8 KiB per lane)",
            "31, 1, 4      | memory: 31 KiB (expected: 32..1048576 KiB, at least 8 KiB per lane)",
            "1048577, 1, 1 | memory: 1048577 KiB (expected: 8..1048576 KiB, at least 8 KiB per lane)",
            "19456, 0, 1   | iterations: 0 (expected: 1..100)",
            "19456, -3, 1  | iterations: -3 (expected: 1..100)",
            "19456, 2, 0   | parallelism: 0 (expected: 1..64)",
            "19456, 2, 65  | parallelism: 65 (expected: 1..64)",
    })
    void nonsenseShouldBeRefusedNamingTheValue(String values, String message) {
        String[] v = values.split(",");
        assertThatThrownBy(() -> new PasswordHashCost(Integer.parseInt(v[0].strip()), Integer.parseInt(v[1].strip()),
                Integer.parseInt(v[2].strip())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
