package io.ieum.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.ieum.core.error.IeumException;

class UsernameTest {

    @Test
    void usernamesShouldBeCaseFolded() {
        assertThat(Username.of("  Mina_Kim ")).isEqualTo(Username.of("mina_kim"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "이음", "has space", "semi;colon", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void invalidUsernamesShouldBeRejectedNamingTheValue(String bad) {
        assertThatThrownBy(() -> Username.of(bad))
                .isInstanceOf(IeumException.class)
                .hasMessageContaining("username: '")
                .hasMessageContaining("expected: 3-32 characters");
    }
}
