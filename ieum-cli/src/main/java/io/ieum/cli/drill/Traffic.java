package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Steady sends from every client to its rooms in turn, at a fixed rate whatever happens to the
 * sites: a send made while a client is between sites waits in its outbox, as in an app.
 */
final class Traffic implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "drill-traffic");
        t.setDaemon(true);
        return t;
    });
    private final List<DrillClient> clients;
    private final double sendsPerSecond;
    private final Random random;

    Traffic(List<DrillClient> clients, double sendsPerSecond, Random random) {
        this.clients = List.copyOf(requireNonNull(clients, "clients"));
        this.sendsPerSecond = sendsPerSecond;
        this.random = requireNonNull(random, "random");
    }

    void start() {
        long periodMicros = Math.round(1_000_000 / sendsPerSecond);
        for (DrillClient client : clients) {
            // Spread the clients over the period so the sites see a steady stream, not bursts.
            timer.scheduleAtFixedRate(() -> {
                try {
                    client.sendNext();
                } catch (RuntimeException e) {
                    // Only when the connection is closed at the very end; nothing was recorded.
                }
            }, (long) (random.nextDouble() * periodMicros), periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
