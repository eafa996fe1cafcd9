package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.ieum.cli.Messages;
import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.Room;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;

/** Runs one {@link BenchPlan}: set up users and groups, connect, send at the target rate, count. */
public final class BenchRunner {

    private static final int SETUP_THREADS = 8;

    private final BenchPlan plan;
    private final PrintWriter progress;
    private final DeliveryTracker tracker = new DeliveryTracker();
    private final LongAdder failedSends = new LongAdder();

    public BenchRunner(BenchPlan plan, PrintWriter progress) {
        this.plan = requireNonNull(plan, "plan");
        this.progress = requireNonNull(progress, "progress");
    }

    private static final int CONNECT_WAVE = 250;

    public BenchReport run() throws InterruptedException {
        ClientOptions options = ClientOptions.builder().servers(plan.servers()).deviceName("ieum-bench")
                .requestTimeout(Duration.ofSeconds(60)).build();
        try (IeumClient root = IeumClient.create(options)) {
            List<IeumClient> users = signUpAndLogIn(root);
            Map<Integer, String> roomOfUser = createGroups(users);
            OptionalLong heapBefore = ServerHeap.usedBytes(root);
            List<Connection> connections = new ArrayList<>();
            Map<String, Integer> connectionsPerRoom = new HashMap<>();
            List<String> roomOfConnection = new ArrayList<>();
            try {
                connect(users, roomOfUser, connections, connectionsPerRoom, roomOfConnection);
                OptionalLong heapAfter = ServerHeap.usedBytes(root);
                progress.println(Messages.get("bench.sending", plan.totalSends(), plan.ratePerSecond(),
                        plan.duration().toSeconds()));
                progress.flush();
                long started = System.nanoTime();
                send(connections, roomOfConnection, connectionsPerRoom);
                awaitQuiet();
                // Rates over the whole window, first send to last ack or delivery: a server that falls
                // behind shows a lower rate instead of hiding its backlog in the grace period.
                long end = Math.max(tracker.lastEventNanos(), started + plan.duration().toNanos());
                double seconds = (end - started) / 1e9;
                long heapPerConnection = heapBefore.isPresent() && heapAfter.isPresent()
                        ? (heapAfter.getAsLong() - heapBefore.getAsLong()) / connections.size() : -1;
                return report(seconds, connections, heapPerConnection);
            } finally {
                connections.forEach(Connection::close);
            }
        }
    }

    private List<IeumClient> signUpAndLogIn(IeumClient root) throws InterruptedException {
        progress.println(Messages.get("bench.signingUp", plan.users(), plan.prefix()));
        progress.flush();
        String password = "bench-" + plan.prefix() + "-secret";
        List<Future<IeumClient>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            for (int i = 0; i < plan.users(); i++) {
                String name = username(i);
                futures.add(pool.submit(() -> {
                    try {
                        root.sibling().signUp(name, password, name);
                    } catch (IeumClientException e) {
                        if (!"username_taken".equals(e.error())) {
                            throw e;
                        }
                    }
                    IeumClient user = root.sibling();
                    user.logIn(name, password);
                    return user;
                }));
            }
            return collect(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Consecutive users form a group; the first creates it. Users left over are not in a group. */
    private Map<Integer, String> createGroups(List<IeumClient> users) throws InterruptedException {
        Map<Integer, String> roomOfUser = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<Room>> rooms = new ArrayList<>();
            for (int g = 0; g < plan.groups(); g++) {
                int first = g * plan.groupSize();
                List<String> others = new ArrayList<>();
                for (int i = first + 1; i < first + plan.groupSize(); i++) {
                    others.add(username(i));
                }
                String name = plan.prefix() + " group " + g;
                rooms.add(pool.submit(() -> users.get(first).createGroup(name, others)));
            }
            List<Room> created = collect(rooms);
            for (int g = 0; g < created.size(); g++) {
                for (int i = 0; i < plan.groupSize(); i++) {
                    roomOfUser.put(g * plan.groupSize() + i, created.get(g).id());
                }
            }
            return roomOfUser;
        } finally {
            pool.shutdownNow();
        }
    }

    private void connect(List<IeumClient> users, Map<Integer, String> roomOfUser, List<Connection> connections,
                         Map<String, Integer> connectionsPerRoom, List<String> roomOfConnection) {
        int grouped = plan.groups() * plan.groupSize();
        progress.println(Messages.get("bench.connecting", plan.connections()));
        progress.flush();
        List<CompletableFuture<Connection>> ready = new ArrayList<>();
        for (int c = 0; c < plan.connections(); c++) {
            int user = c % grouped;
            String room = roomOfUser.get(user);
            Connection connection = users.get(user).connect(listener(c));
            connections.add(connection);
            roomOfConnection.add(room);
            connectionsPerRoom.merge(room, 1, Integer::sum);
            ready.add(connection.ready());
            if (ready.size() == CONNECT_WAVE) {
                awaitReady(ready);
            }
        }
        awaitReady(ready);
    }

    /**
     * Connections open in waves: thousands of sockets authenticating at once would only measure how
     * long the server's auth queue gets, and push late ones past the 10 s auth deadline.
     */
    private static void awaitReady(List<CompletableFuture<Connection>> ready) {
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).orTimeout(2, TimeUnit.MINUTES).join();
        ready.clear();
    }

    private ConnectionListener listener(int connection) {
        return new ConnectionListener() {
            @Override
            public void onRawEntry(EntryView entry) {
                tracker.raw(connection, entry.id());
            }

            @Override
            public void onEntry(EntryView entry) {
                tracker.delivered(connection, entry.id());
            }
        };
    }

    /** Paces sends evenly over the duration, round the connections, each into its user's group. */
    private void send(List<Connection> connections, List<String> roomOfConnection,
                      Map<String, Integer> connectionsPerRoom) {
        long total = plan.totalSends();
        long start = System.nanoTime();
        double nanosPerSend = 1e9 / plan.ratePerSecond();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * nanosPerSend);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int c = (int) (i % connections.size());
            Connection connection = connections.get(c);
            String room = roomOfConnection.get(c);
            String id = connection.newMessageId();
            tracker.sending(id, connectionsPerRoom.get(room));
            connection.send(id, room, "bench " + i, null, List.of()).whenComplete((ack, error) -> {
                if (error == null) {
                    tracker.acked(id);
                } else {
                    failedSends.increment();
                }
            });
        }
    }

    /** Waits until every send is answered and every acked message delivered everywhere, or the grace ends. */
    /**
     * Waits for every ack and delivery: at least the grace period, and on while deliveries still
     * arrive (a server that fell behind is still catching up, or clients still syncing after a
     * reconnect), but never more than ten grace periods. Only what is missing then counts as lost.
     */
    private void awaitQuiet() {
        long start = System.nanoTime();
        long graceNanos = plan.grace().toNanos();
        long stillArriving = TimeUnit.SECONDS.toNanos(3);
        while (true) {
            boolean answered = tracker.ackedCount() + failedSends.sum() >= plan.totalSends();
            if (answered && tracker.missing() == 0) {
                return;
            }
            long now = System.nanoTime();
            boolean progressing = now - tracker.lastEventNanos() < stillArriving;
            if (now - start >= 10 * graceNanos || (now - start >= graceNanos && !progressing)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private BenchReport report(double seconds, List<Connection> connections, long heapPerConnection) {
        long reconnects = connections.stream().mapToLong(c -> c.metrics().reconnects()).sum();
        var latency = tracker.latency();
        long acked = tracker.ackedCount();
        return new BenchReport(plan.totalSends(), acked, failedSends.sum(), acked / seconds, tracker.deliveries(),
                tracker.deliveries() / seconds, latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9), latency.getMaxValue(),
                tracker.ackLatency().getValueAtPercentile(99), tracker.missing(), tracker.rawDuplicates(),
                tracker.appDuplicates(), reconnects, heapPerConnection);
    }

    private String username(int i) {
        return plan.prefix() + "-" + i;
    }

    private static <T> List<T> collect(List<Future<T>> futures) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }
}
