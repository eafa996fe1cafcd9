package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DaemonPoolTest {

    @Test
    void aTaskBeyondTheThreadsAndTheQueueShouldBeRefusedAndTheOthersRunOnNamedDaemonThreads() throws Exception {
        Executor pool = DaemonPool.bounded("test-pool", 1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Thread> running = new CompletableFuture<>();
        pool.execute(() -> {
            running.complete(Thread.currentThread());
            awaitQuietly(release);
        });
        Thread worker = running.get(30, TimeUnit.SECONDS);
        CompletableFuture<String> queued = new CompletableFuture<>();
        pool.execute(() -> queued.complete(Thread.currentThread().getName()));

        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

        release.countDown();
        assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo("test-pool");
        assertThat(worker.isDaemon()).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
