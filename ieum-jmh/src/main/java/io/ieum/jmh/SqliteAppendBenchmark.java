package io.ieum.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.store.Storage;
import io.ieum.store.sqlite.SqliteConfig;
import io.ieum.store.sqlite.SqliteStorage;

/**
 * Durable message appends per second through the SQLite backend's public port, the way the server
 * uses it: many sends in flight at once, each future completing after its group commit
 * (WAL, synchronous=FULL). One invocation appends {@value #IN_FLIGHT} messages to 20 rooms and
 * waits for every commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqliteAppendBenchmark {

    static final int IN_FLIGHT = 1000;
    private static final int ROOMS = 20;

    @Param({"500"})
    public int maxBatch;

    private Path dataDir;
    private Storage storage;
    private RoomId[] rooms;
    private UserId sender;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = Files.createTempDirectory("ieum-jmh-sqlite");
        storage = SqliteStorage.open(SqliteConfig.of(dataDir).withMaxBatch(maxBatch));
        rooms = Stream.generate(RoomId::random).limit(ROOMS).toArray(RoomId[]::new);
        sender = UserId.random();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        storage.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void appendMessages() {
        CompletableFuture<?>[] commits = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            Entry entry = Entry.message(rooms[i % ROOMS], MessageId.generate(), sender,
                    "benchmark message number " + i, null, List.of());
            commits[i] = storage.timeline().append(entry);
        }
        CompletableFuture.allOf(commits).join();
    }
}
