package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

import io.ieum.cli.Messages;
import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;
import io.ieum.client.realtime.Deduplicator;

/**
 * One generator process's part of a run: open its connections, wait for the common start, send
 * open-loop at its share of the rate, wait until everything is acked and delivered (or the grace
 * ends), and count.
 */
final class LoadWorker {

    /** How a worker meets the others: it says it is ready and learns when sending starts. */
    interface Coordinator {
        /** Called once every connection is ready; returns the start time (epoch milliseconds). */
        long readyAwaitStart() throws InterruptedException;
    }

    /**
     * Connections open in waves: thousands of sockets authenticating at once would only measure how
     * long the server's auth queue gets, and push late ones past the 10 s auth deadline.
     */
    private static final int CONNECT_WAVE = 250;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final WorkerShare share;
    private final Consumer<String> progress;
    private final DeliveryTracker tracker;
    private final LongAdder failedSends = new LongAdder();
    private long maxLagNanos;
    /** This process's CPU time when the warm-up ended (-1 if unknown or not yet). */
    private volatile long cpuAtWarmupEnd = -1;

    LoadWorker(WorkerShare share, Consumer<String> progress) {
        this.share = requireNonNull(share, "share");
        this.progress = requireNonNull(progress, "progress");
        int maxReceivers = share.seats().stream().mapToInt(WorkerShare.Seat::roomConnections).max().orElse(1);
        this.tracker = new DeliveryTracker(Math.toIntExact(share.sends()), maxReceivers);
    }

    WorkerResult run(Coordinator coordinator) throws InterruptedException {
        List<IeumClient> roots = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            int sites = siteCount();
            for (int site = 0; site < sites; site++) {
                roots.add(IeumClient.create(options(share.serversOf(site), Math.max(1, share.ioThreads() / sites))));
            }
            connect(roots, connections);
            long startEpochMillis = coordinator.readyAwaitStart();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startEpochMillis - System.currentTimeMillis());
            tracker.startTimeline(start, scheduleSeconds(), TimeUnit.MILLISECONDS.toNanos(share.warmupMillis()));
            long cpuBefore = ProcessCpu.nanos();
            readCpuAtWarmupEnd(start);
            send(connections, start, roots.get(0).ioThread().orElseThrow());
            awaitQuiet(start);
            long cpuAfter = ProcessCpu.nanos();
            return result(connections, start, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
                    cpuAtWarmupEnd < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuAtWarmupEnd, notStored(roots));
        } finally {
            connections.forEach(Connection::close);
            roots.forEach(IeumClient::close);
        }
    }

    /**
     * Reads the process's CPU time when the warm-up ends, on a thread of its own: a check in the send
     * loop, never true during the warm-up, may be compiled as such and deoptimise the loop just as the
     * measurement starts.
     */
    private void readCpuAtWarmupEnd(long start) {
        long delay = start + TimeUnit.MILLISECONDS.toNanos(share.warmupMillis()) - System.nanoTime();
        CompletableFuture.runAsync(() -> cpuAtWarmupEnd = ProcessCpu.nanos(),
                CompletableFuture.delayedExecutor(Math.max(0, delay), TimeUnit.NANOSECONDS));
    }

    /** One client (and so one set of event loops) per distinct failover list. */
    private int siteCount() {
        return share.spread() ? share.servers().size() : 1;
    }

    /**
     * Each bench connection's de-duplication window, its tables taken whole when it connects. With the
     * library's default (100,000 IDs, tables growing with use) a process's hundred connections grew their
     * tables in step during the measured part, and at ~1 MB each the garbage collector took them as
     * humongous objects, one young pause each: stalls of up to 0.75 s at 12,000 sends/s
     * (docs/benchmarks.md, "Fixed heaps"). 16,384 IDs are ~27 s of one connection's deliveries at that
     * rate; a reconnect's sync reaches further back (ADR 0002's overlap), so a run with reconnects may
     * count some entries as shown twice that a phone's default window would have dropped.
     */
    static final int DEDUP_WINDOW = 16_384;

    /**
     * Whether this process's connections take their de-duplication tables whole (768 KiB each at
     * {@link #DEDUP_WINDOW}): only while all of them together fit in a quarter of the heap. A run of a
     * hundred busy connections per process does; thousands of idle ones (the heap-per-connection
     * measurement opens 9,500 per process) would run out of heap before the last connected, and being
     * idle they never grow the tables that presizing is for.
     */
    static boolean presizeDedup(int connections, long maxHeapBytes) {
        return connections * Deduplicator.presizedBytes(DEDUP_WINDOW) <= maxHeapBytes / 4;
    }

    private ClientOptions options(List<java.net.URI> servers, int ioThreads) {
        ClientOptions.Builder options = ClientOptions.builder().servers(servers).deviceName("ieum-bench")
                .requestTimeout(Duration.ofSeconds(60)).ioThreads(ioThreads)
                .dedupWindow(DEDUP_WINDOW)
                .dedupPresized(presizeDedup(share.seats().size(), Runtime.getRuntime().maxMemory()));
        if (share.bindAddress() != null) {
            options.bindAddress(address(share.bindAddress()));
        }
        return options.build();
    }

    /** Seconds from the first send's due time to the last's, rounded up. */
    private int scheduleSeconds() {
        return (int) (share.schedule().dueOffsetNanos(share.sends()) / 1_000_000_000L) + 1;
    }

    private void connect(List<IeumClient> roots, List<Connection> connections) {
        List<WorkerShare.Seat> seats = share.seats();
        List<CompletableFuture<Connection>> ready = new ArrayList<>();
        for (WorkerShare.Seat seat : seats) {
            IeumClient root = roots.get(seat.memberIndex() % roots.size());
            Connection connection = root.as(seat.token()).connect(listener(seat.memberIndex()));
            connections.add(connection);
            ready.add(connection.ready());
            if (ready.size() == CONNECT_WAVE) {
                awaitReady(ready);
                progress.accept(Messages.get("bench.connected", connections.size(), seats.size()));
            }
        }
        awaitReady(ready);
        progress.accept(Messages.get("bench.connected", connections.size(), seats.size()));
    }

    private static void awaitReady(List<CompletableFuture<Connection>> ready) {
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).orTimeout(2, TimeUnit.MINUTES).join();
        ready.clear();
    }

    private ConnectionListener listener(int memberIndex) {
        return new ConnectionListener() {
            @Override
            public void onEntryId(String entryId, boolean duplicate) {
                if (!duplicate) {
                    tracker.delivered(memberIndex, entryId);
                }
            }

            @Override
            public void onEntryUuid(long msb, long lsb, boolean duplicate) {
                if (!duplicate) {
                    tracker.delivered(memberIndex, msb, lsb);
                }
            }

            @Override
            public boolean wantsEntryViews() {
                return false;
            }
        };
    }

    /**
     * Open loop: send number i is due when the schedule says (start + i / rate, or later on a ramp-up)
     * whatever happened before; a sender that falls behind sends at once and the lateness counts in
     * every latency (measured from the due time). The sends run as a task on the connections' own I/O
     * thread ({@link SendLoop}): a write made there goes out directly, where a sender thread of its own
     * would hand each write over to that thread and wake it, on the cores the server needs too.
     */
    private void send(List<Connection> connections, long start, ScheduledExecutorService ioThread)
            throws InterruptedException {
        List<WorkerShare.Seat> seats = share.seats();
        SendSchedule schedule = share.schedule();
        long[] nextProgress = {start + PROGRESS_NANOS};
        SendLoop loop = new SendLoop(ioThread, share.sends(), i -> start + schedule.dueOffsetNanos(i),
                share.sendTickNanos(), (i, due, now) -> {
                    int c = (int) (i % connections.size());
                    Connection connection = connections.get(c);
                    WorkerShare.Seat seat = seats.get(c);
                    String id = connection.newMessageId();
                    int sent = tracker.sending(id, seat.roomId(), seat.roomConnections(), due);
                    connection.send(id, seat.roomId(), "bench " + i, null, List.of()).whenComplete((ack, error) -> {
                        if (error == null) {
                            tracker.acked(sent);
                        } else {
                            failedSends.increment();
                        }
                    });
                    if (now >= nextProgress[0]) {
                        nextProgress[0] += PROGRESS_NANOS;
                        progress.accept(Messages.get("bench.progress", (now - start) / 1_000_000_000L, i + 1,
                                tracker.ackedCount(), tracker.deliveries()));
                    }
                });
        maxLagNanos = loop.sendAll();
    }

    /**
     * Waits for every ack and delivery: at least the grace period, and on while deliveries still
     * arrive (a server that fell behind is still catching up, or clients still syncing after a
     * reconnect), but never more than ten grace periods. Only what is missing then counts as undelivered
     * (and as lost if its room's history lacks it too).
     */
    private void awaitQuiet(long start) {
        long waitStart = System.nanoTime();
        long graceNanos = TimeUnit.MILLISECONDS.toNanos(share.graceMillis());
        long stillArriving = TimeUnit.SECONDS.toNanos(3);
        long nextProgress = waitStart + PROGRESS_NANOS;
        while (true) {
            boolean answered = tracker.ackedCount() + failedSends.sum() >= share.sends();
            if (answered && tracker.missing() <= 0) {
                return;
            }
            long now = System.nanoTime();
            boolean progressing = now - tracker.lastEventNanos() < stillArriving;
            if (now - waitStart >= 10 * graceNanos || (now - waitStart >= graceNanos && !progressing)) {
                return;
            }
            if (now >= nextProgress) {
                nextProgress += PROGRESS_NANOS;
                progress.accept(Messages.get("bench.waiting", tracker.ackedCount(), share.sends(), tracker.missing()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /**
     * Of the acknowledged messages some connection never received, how many are not in their room's
     * history either (read by a member of the room, through its failover list); -1 if it cannot be read.
     */
    private long notStored(List<IeumClient> roots) {
        Map<String, Set<String>> undelivered = tracker.undelivered();
        if (undelivered.isEmpty()) {
            return 0;
        }
        Map<String, IeumClient> readers = new HashMap<>();
        for (WorkerShare.Seat seat : share.seats()) {
            readers.computeIfAbsent(seat.roomId(),
                    room -> roots.get(seat.memberIndex() % roots.size()).as(seat.token()));
        }
        try {
            return StoredCheck.notStored(undelivered, (room, before, limit) -> readers.get(room).history(room, before, limit));
        } catch (RuntimeException e) {
            progress.accept(Messages.get("bench.storedCheckFailed", e.getMessage()));
            return -1;
        }
    }

    /**
     * @param cpuNanos  this process's CPU time from the common start to the end of the wait, or -1
     * @param measuredCpuNanos the part of it from the first send due after the warm-up, or -1
     * @param notStored see {@link #notStored}
     */
    private WorkerResult result(List<Connection> connections, long start, long cpuNanos, long measuredCpuNanos,
                                long notStored) {
        long reconnects = connections.stream().mapToLong(c -> c.metrics().reconnects()).sum();
        long rawDuplicates = connections.stream().mapToLong(c -> c.metrics().duplicateEntries()).sum();
        long last = tracker.lastEventNanos();
        return new WorkerResult(share.index(), connections.size(), share.sends(), tracker.ackedCount(),
                failedSends.sum(), tracker.deliveries(), Math.max(0, tracker.missing()), notStored, rawDuplicates,
                tracker.appDuplicates(), reconnects, last == 0 ? 0 : (last - start) / 1e6, maxLagNanos / 1000,
                cpuNanos, measuredCpuNanos, encode(tracker.latency()), encode(tracker.ackLatency()), tracker.timeline());
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("histogram: not a compressed HdrHistogram", e);
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind: " + text + " (expected: an IP address)", e);
        }
    }
}
