package io.ieum.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SqliteConfigTest {

    private static final Path DIR = Path.of("data");

    @Test
    void defaultsShouldBeValid() {
        SqliteConfig config = SqliteConfig.of(DIR);

        assertThat(config.maxBatch()).isEqualTo(500);
        assertThat(config.queueCapacity()).isEqualTo(20_000);
        assertThat(config.commitDelay()).isEqualTo(Duration.ofMillis(2));
        assertThat(config.databaseFile()).isEqualTo(DIR.resolve("ieum.db"));
    }

    @Test
    void outOfRangeValuesShouldBeRefusedNamingTheValue() {
        assertThatThrownBy(() -> SqliteConfig.of(DIR).withMaxBatch(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBatch: 0 (expected: 1..10000)");
        assertThatThrownBy(() -> SqliteConfig.of(DIR).withQueueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("queueCapacity: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new SqliteConfig(DIR, 500, Duration.ofSeconds(-1), 4, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("busyTimeout: PT-1S");
        assertThatThrownBy(() -> new SqliteConfig(DIR, 500, Duration.ofSeconds(1), 0, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("readPoolSize: 0 (expected: 1..64)");
        assertThatThrownBy(() -> new SqliteConfig(null, 500, Duration.ofSeconds(1), 4, 10, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("dataDir");
        assertThatThrownBy(() -> SqliteConfig.of(DIR).withCommitDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("commitDelay: PT-0.001S (expected: 0..1000 ms)");
        assertThatThrownBy(() -> SqliteConfig.of(DIR).withCommitDelay(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("commitDelay: PT1.001S (expected: 0..1000 ms)");
    }
}
