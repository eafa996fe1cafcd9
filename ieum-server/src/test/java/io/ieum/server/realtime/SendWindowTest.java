package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void sendsPastTheLimitShouldBeRefusedUntilOneCompletes() {
        SendWindow window = new SendWindow(2);
        assertThat(window.tryAcquire()).isTrue();
        assertThat(window.tryAcquire()).isTrue();
        assertThat(window.tryAcquire()).isFalse();
        window.release();
        assertThat(window.tryAcquire()).isTrue();
        assertThat(window.inFlight()).isEqualTo(2);
    }

    @Test
    void concurrentSendersShouldNeverExceedTheLimit() throws Exception {
        SendWindow window = new SendWindow(10);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1_000; i++) {
            pool.execute(() -> {
                if (window.tryAcquire()) {
                    granted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(granted).hasValue(10);
        assertThat(window.inFlight()).isEqualTo(10);
    }

    @Test
    void aWindowOfZeroShouldBeRejectedNamingTheValue() {
        assertThatThrownBy(() -> new SendWindow(0)).hasMessage("max: 0 (expected: >= 1)");
    }
}
