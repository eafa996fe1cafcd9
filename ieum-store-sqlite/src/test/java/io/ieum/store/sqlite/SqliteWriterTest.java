package io.ieum.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;
import io.ieum.core.store.StorageBusyException;
import io.ieum.core.store.WriteCallbacks;
import io.ieum.core.store.contract.AccountStoreContract;

class SqliteWriterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final RoomId ROOM = RoomId.random();
    private static final UserId MINA = UserId.random();

    @TempDir
    Path dataDir;

    private SqliteBackend backend;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        backend.close();
    }

    private SqliteBackend open(SqliteConfig config) {
        backend = SqliteBackend.start(config);
        return backend;
    }

    /** Occupies the writer thread until {@link #release} opens; returns once the writer holds it. */
    private CompletableFuture<Object> blockWriter() {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> blocker = backend.writer().submit(connection -> {
            started.countDown();
            try {
                return release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        await().atMost(TIMEOUT).until(() -> started.getCount() == 0);
        return blocker;
    }

    private static Entry message(String text) {
        return Entry.message(ROOM, MessageId.generate(), MINA, text, null, List.of());
    }

    @Test
    void queuedAppendsShouldBeCommittedInGroupsOfAtMostMaxBatch() {
        open(SqliteConfig.of(dataDir));
        CompletableFuture<Object> blocker = blockWriter();
        long commitsBefore = backend.writer().commitCount();
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            appends.add(backend.storage().timeline().append(message("m" + i)));
        }

        release.countDown();
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        blocker.join();

        assertThat(appends).allSatisfy(append -> assertThat(append.join()).isEqualTo(AppendResult.STORED));
        assertThat(backend.writer().commitCount() - commitsBefore).isEqualTo(1 + 2_000 / SqliteConfig.DEFAULT_MAX_BATCH);
    }

    @Test
    void concurrentAppendsShouldShareCommits() throws Exception {
        open(SqliteConfig.of(dataDir));
        long commitsBefore = backend.writer().commitCount();
        List<CompletableFuture<AppendResult>> appends = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    appends.add(backend.storage().timeline().append(message("m" + i)));
                }
            });
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join(TIMEOUT.toMillis());
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(appends).hasSize(2_000);
        assertThat(backend.storage().timeline().before(ROOM, null, 1000)).hasSize(1000);
        assertThat(backend.writer().commitCount() - commitsBefore).isLessThan(500);
    }

    @Test
    void writesArrivingDuringTheCommitDelayShouldShareTheCommitOfThoseQueuedBeforeThem() {
        open(SqliteConfig.of(dataDir).withCommitDelay(SqliteConfig.MAX_COMMIT_DELAY));
        CompletableFuture<Object> blocker = blockWriter();
        long commitsBefore = backend.writer().commitCount();
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        appends.add(backend.storage().timeline().append(message("queued 1")));
        appends.add(backend.storage().timeline().append(message("queued 2")));

        release.countDown();
        blocker.join();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(backend.writer()::isWaitingForMore);
        appends.add(backend.storage().timeline().append(message("arrived during the delay")));
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(appends).allSatisfy(append -> assertThat(append.join()).isEqualTo(AppendResult.STORED));
        assertThat(backend.writer().commitCount() - commitsBefore).as("the blocker's commit, then one for all three")
                .isEqualTo(2);
    }

    @Test
    void writesThatAlreadyWaitedTheCommitDelayShouldBeCommittedWithoutASecondWait() {
        open(SqliteConfig.of(dataDir).withCommitDelay(SqliteConfig.MAX_COMMIT_DELAY));
        CompletableFuture<Object> blocker = blockWriter();
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        appends.add(backend.storage().timeline().append(message("queued 1")));
        appends.add(backend.storage().timeline().append(message("queued 2")));
        long queued = System.nanoTime();
        long aged = SqliteConfig.MAX_COMMIT_DELAY.plusMillis(50).toNanos();
        // Both wait a whole delay behind the blocker.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> System.nanoTime() - queued >= aged);

        long released = System.nanoTime();
        release.countDown();
        blocker.join();
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        // Counted from when the writer took them, the delay would have held them another whole second.
        assertThat(Duration.ofNanos(System.nanoTime() - released))
                .isLessThan(SqliteConfig.MAX_COMMIT_DELAY.dividedBy(2));
        assertThat(appends).allSatisfy(append -> assertThat(append.join()).isEqualTo(AppendResult.STORED));
    }

    @Test
    void aLoneWriteShouldBeCommittedWithoutWaitingForTheCommitDelay() {
        open(SqliteConfig.of(dataDir).withCommitDelay(SqliteConfig.MAX_COMMIT_DELAY));
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(backend.storage().timeline().append(message("alone " + i)).join()).isEqualTo(AppendResult.STORED);
        }

        // Waiting would have taken a whole delay per write: five seconds, not one.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SqliteConfig.MAX_COMMIT_DELAY);
    }

    @Test
    void aWriteBegunWithAHomeShouldCompleteThereInCommitOrderAndOthersOnTheCompleter() {
        open(SqliteConfig.of(dataDir));
        ExecutorService home = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "home-loop"));
        try {
            CompletableFuture<Object> blocker = blockWriter();
            List<String> completedOnHome = java.util.Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<String>> homed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "homed " + i;
                homed.add(WriteCallbacks.runOn(home, () -> backend.storage().timeline().append(message(text)))
                        .thenApply(result -> {
                            completedOnHome.add(text);
                            return Thread.currentThread().getName();
                        }));
            }
            CompletableFuture<String> homeless = backend.storage().timeline().append(message("no home"))
                    .thenApply(result -> Thread.currentThread().getName());

            release.countDown();
            blocker.join();

            assertThat(homed).allSatisfy(done -> assertThat(done.orTimeout(30, TimeUnit.SECONDS).join())
                    .isEqualTo("home-loop"));
            assertThat(completedOnHome).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 20).mapToObj(i -> "homed " + i).toList());
            assertThat(homeless.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo("sqlite-completer");
            assertThat(WriteCallbacks.home()).as("named for the writes begun inside runOn only").isNull();
        } finally {
            home.shutdownNow();
        }
    }

    @Test
    void aBlockingWriteOnItsOwnHomeShouldNotWaitForItself() throws Exception {
        open(SqliteConfig.of(dataDir));
        ExecutorService home = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "home-loop"));
        try {
            // accounts().create waits for its commit: completed on its home, it would wait forever.
            io.ieum.core.model.Account mina = AccountStoreContract.account("mina");
            CompletableFuture<Void> created = CompletableFuture.runAsync(() -> WriteCallbacks.runOn(home, () -> {
                backend.storage().accounts().create(mina);
                return null;
            }), home);

            created.get(30, TimeUnit.SECONDS);

            assertThat(backend.storage().accounts().byId(mina.id())).contains(mina);
        } finally {
            home.shutdownNow();
        }
    }

    @Test
    void aWriteWhoseHomeHasShutDownShouldStillComplete() {
        open(SqliteConfig.of(dataDir));
        ExecutorService home = Executors.newSingleThreadExecutor();
        home.shutdown();

        CompletableFuture<AppendResult> append = WriteCallbacks.runOn(home,
                () -> backend.storage().timeline().append(message("home gone")));

        assertThat(append.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(AppendResult.STORED);
    }

    @Test
    void aFailingTaskShouldFailAloneAndLeaveItsBatchNeighboursCommitted() {
        open(SqliteConfig.of(dataDir));
        CompletableFuture<Object> blocker = blockWriter();
        Entry before = message("before");
        Entry after = message("after");
        Entry rolledBack = message("rolled back");

        CompletableFuture<AppendResult> first = backend.storage().timeline().append(before);
        CompletableFuture<Object> failing = backend.writer().submit(connection -> {
            new TimelineDao().insertIfAbsent(connection, rolledBack);
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Object> badSql = backend.writer().submit(connection -> {
            connection.execute("INSERT INTO no_such_table VALUES (1)");
            return null;
        });
        CompletableFuture<AppendResult> last = backend.storage().timeline().append(after);
        release.countDown();

        assertThat(first.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(AppendResult.STORED);
        assertThat(last.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(AppendResult.STORED);
        blocker.join();
        assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThatThrownBy(badSql::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SqliteStorageException.class).hasMessageContaining("no_such_table");
        assertThat(backend.storage().timeline().get(ROOM, before.id())).contains(before);
        assertThat(backend.storage().timeline().get(ROOM, after.id())).contains(after);
        assertThat(backend.storage().timeline().get(ROOM, rolledBack.id())).isEmpty();
    }

    @Test
    void aFullQueueShouldRefuseWritesAsBusyAtOnce() {
        open(SqliteConfig.of(dataDir).withQueueCapacity(10));
        CompletableFuture<Object> blocker = blockWriter();
        List<CompletableFuture<AppendResult>> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(backend.storage().timeline().append(message("m" + i)));
        }

        CompletableFuture<AppendResult> refused = backend.storage().timeline().append(message("one too many"));

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).cause().isInstanceOf(StorageBusyException.class)
                .hasMessageContaining("write queue: 10 tasks waiting (expected: fewer than 10)");
        assertThatThrownBy(() -> backend.storage().accounts().create(AccountStoreContract.account("mina")))
                .isInstanceOf(StorageBusyException.class);

        release.countDown();
        blocker.join();
        assertThat(accepted).allSatisfy(append ->
                assertThat(append.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(AppendResult.STORED));
    }

    @Test
    void closeShouldCommitEveryQueuedWriteBeforeReturning() throws Exception {
        open(SqliteConfig.of(dataDir));
        CompletableFuture<Object> blocker = blockWriter();
        List<Entry> entries = new ArrayList<>();
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            Entry entry = message("m" + i);
            entries.add(entry);
            appends.add(backend.storage().timeline().append(entry));
        }
        release.countDown();

        backend.close();

        assertThat(blocker).isCompleted();
        assertThat(appends).allSatisfy(append -> assertThat(append).isCompletedWithValue(AppendResult.STORED));
        open(SqliteConfig.of(dataDir));
        assertThat(backend.storage().timeline().before(ROOM, null, 1000)).hasSize(700);
    }

    @Test
    void writesAfterCloseShouldFailWithoutHanging() throws Exception {
        open(SqliteConfig.of(dataDir));
        backend.close();

        CompletableFuture<AppendResult> late = backend.storage().timeline().append(message("late"));

        assertThatThrownBy(late::join).cause().isInstanceOf(SqliteStorageException.class)
                .hasMessageContaining("closed");
    }
}
