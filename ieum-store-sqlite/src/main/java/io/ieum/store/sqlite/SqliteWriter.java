package io.ieum.store.sqlite;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ieum.core.store.StorageBusyException;
import io.ieum.core.store.WriteCallbacks;

/**
 * The one thread that writes, with group commit. Tasks wait in a bounded queue; the writer takes
 * every queued task (up to {@code maxBatch}), runs them in one transaction, commits once, and only
 * then completes the tasks' futures. A task that throws fails alone: the batch is rolled back and
 * run again with each task inside its own SAVEPOINT, so its batch neighbours still commit (tasks
 * therefore only touch the database, and may run twice).
 *
 * <p>Each commit costs an {@code fsync} and a WAL write of every page it changed, whatever the
 * number of tasks in it. When a commit is fast, batches stay small under load (a few tasks each),
 * so with a {@code commitDelay} the writer, finding tasks queued behind the first, waits for more
 * before it commits: fewer, larger commits for a bounded delay of each ack. The delay counts from
 * when the batch's oldest task was queued, not from when the writer took it: under heavy load
 * tasks have already waited out a commit by then, and a second wait would only lengthen every
 * cycle (and so the next batch, and the next wait). A lone task (no one else writing) is
 * committed at once.
 *
 * <p>A committed task's future completes on the home its caller named ({@link WriteCallbacks}),
 * typically the event loop that will write the push and the ack, or else on the completer thread;
 * on each, in commit order.
 */
final class SqliteWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteWriter.class);

    private final SqlConnection connection;
    private final int maxBatch;
    private final int capacity;
    private final long commitDelayNanos;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    /**
     * Completes the futures of committed tasks that name no home, in commit order. What waits on
     * them then runs here, not on the writer, which meanwhile commits the next batch.
     */
    private final ExecutorService completer = Executors.newSingleThreadExecutor(
            runnable -> {
                Thread t = new Thread(runnable, "sqlite-completer");
                t.setDaemon(true);
                return t;
            });
    private volatile boolean closing;

    SqliteWriter(SqlConnection connection, int maxBatch, int capacity, Duration commitDelay) {
        this.connection = connection;
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        this.commitDelayNanos = commitDelay.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "sqlite-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues {@code task}. The future completes once the task's transaction is committed, or fails
     * with what the task threw; it fails with {@link StorageBusyException} at once if the queue is full.
     */
    <T> CompletableFuture<T> submit(WriteTask<T> task) {
        return enqueue(new Pending<>(task, WriteCallbacks.home()));
    }

    private <T> CompletableFuture<T> submitWithoutHome(WriteTask<T> task) {
        return enqueue(new Pending<>(task, null));
    }

    private <T> CompletableFuture<T> enqueue(Pending<T> pending) {
        if (closing) {
            pending.future.completeExceptionally(new SqliteStorageException("storage: closed (expected: open)"));
        } else if (!queue.offer(pending)) {
            pending.future.completeExceptionally(new StorageBusyException(
                    "write queue: " + capacity + " tasks waiting (expected: fewer than " + capacity + ")"));
        }
        return pending.future;
    }

    /** Runs {@code task} and waits for its commit, rethrowing runtime failures as they are. */
    <T> T call(WriteTask<T> task) {
        try {
            return submitWithoutHome(task).get(); // the caller's home may be this very thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqliteStorageException("interrupted while waiting for a write", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new SqliteStorageException("write failed: " + cause.getMessage(), cause);
    }

    /** Transactions committed so far; fewer than the tasks run when group commit works. */
    long commitCount() {
        return commits.get();
    }

    /** Whether the writer is sleeping out its commit delay, to take more tasks into its batch. */
    boolean isWaitingForMore() {
        return LockSupport.getBlocker(thread) == this;
    }

    int queueDepth() {
        return queue.size();
    }

    boolean isRunning() {
        return thread.isAlive() && !closing;
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (!(closing && queue.isEmpty())) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (commitDelayNanos > 0 && batch.size() > 1 && batch.size() < maxBatch) {
                    gatherMore(batch);
                }
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("SQLite writer: unexpected failure of a batch", e);
                batch.forEach(pending -> pending.future.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Sleeps until the batch's oldest task has waited the commit delay, then takes what arrived
     * meanwhile. A sleep, not a blocking poll: a poll would wake this thread for every task that
     * arrives.
     */
    private void gatherMore(List<Pending<?>> batch) {
        long remaining = batch.get(0).queuedNanos + commitDelayNanos - System.nanoTime();
        if (remaining > 0) {
            LockSupport.parkNanos(this, remaining);
        }
        queue.drainTo(batch, maxBatch - batch.size());
    }

    private void runBatch(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            if (!runTogether(batch, results)) {
                results.clear();
                runIsolated(batch, results);
            }
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly();
            SqliteStorageException failure = new SqliteStorageException("batch of " + batch.size()
                    + " writes rolled back: " + e.getMessage(), e);
            batch.forEach(pending -> pending.future.completeExceptionally(failure));
            return;
        }
        completeOnHomes(batch, results);
    }

    /** One task per home (usually one in all), each completing its futures in commit order. */
    private void completeOnHomes(List<Pending<?>> batch, List<Object> results) {
        Map<Executor, Completions> byHome = new IdentityHashMap<>(4);
        for (int i = 0; i < batch.size(); i++) {
            Pending<?> pending = batch.get(i);
            Executor home = pending.home == null ? completer : pending.home;
            byHome.computeIfAbsent(home, h -> new Completions()).add(pending, results.get(i));
        }
        byHome.forEach((home, completions) -> {
            try {
                home.execute(completions);
            } catch (RejectedExecutionException gone) {
                completer.execute(completions); // the home shut down: the futures still complete
            }
        });
    }

    /**
     * The common case: every task in one transaction without savepoints, which would cost two
     * more statements per task. If any task throws, the whole transaction is rolled back and this
     * returns false so that {@link #runIsolated} runs the batch again, each task in its savepoint.
     */
    private boolean runTogether(List<Pending<?>> batch, List<Object> results) throws SQLException {
        connection.executePrepared("BEGIN IMMEDIATE");
        for (Pending<?> pending : batch) {
            try {
                results.add(pending.task.run(connection));
            } catch (Exception e) {
                connection.executePrepared("ROLLBACK");
                return false;
            }
        }
        connection.executePrepared("COMMIT");
        commits.incrementAndGet();
        return true;
    }

    /** Runs the batch again with a savepoint per task, so that a failing task fails alone. */
    private void runIsolated(List<Pending<?>> batch, List<Object> results) throws SQLException {
        connection.executePrepared("BEGIN IMMEDIATE");
        for (Pending<?> pending : batch) {
            results.add(runInSavepoint(pending));
        }
        connection.executePrepared("COMMIT");
        commits.incrementAndGet();
    }

    /** Runs one task; what it throws is its own result (a {@link Failure}), not the batch's. */
    private Object runInSavepoint(Pending<?> pending) throws SQLException {
        connection.executePrepared("SAVEPOINT task");
        try {
            Object result = pending.task.run(connection);
            connection.executePrepared("RELEASE task");
            return result;
        } catch (Exception e) {
            connection.executePrepared("ROLLBACK TO task");
            connection.executePrepared("RELEASE task");
            return new Failure(e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback after a failed commit failed too", e);
        }
    }

    /**
     * Stops taking tasks, commits every task already queued, and closes the connection. The futures
     * of tasks without a home are complete when this returns; those with a home complete when their
     * home runs the task it was handed (or on the completer before this returns, if the home has
     * shut down).
     */
    @Override
    public void close() throws SQLException {
        closing = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish committing what was accepted, then restore the flag
            }
        }
        completer.shutdown();
        while (!completer.isTerminated()) {
            try {
                completer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Pending<?> late;
        while ((late = queue.poll()) != null) {
            late.future.completeExceptionally(new SqliteStorageException("storage: closed (expected: open)"));
        }
        connection.close();
    }

    private record Failure(Exception cause) {}

    /** Committed tasks of one home and their results, completed in order. */
    private static final class Completions implements Runnable {
        private final List<Pending<?>> pendings = new ArrayList<>();
        private final List<Object> results = new ArrayList<>();

        void add(Pending<?> pending, Object result) {
            pendings.add(pending);
            results.add(result);
        }

        @Override
        public void run() {
            for (int i = 0; i < pendings.size(); i++) {
                pendings.get(i).complete(results.get(i));
            }
        }
    }

    private static final class Pending<T> {
        final WriteTask<T> task;
        /** Where the future completes; null for the completer. */
        final Executor home;
        final CompletableFuture<T> future = new CompletableFuture<>();
        final long queuedNanos = System.nanoTime();

        Pending(WriteTask<T> task, Executor home) {
            this.task = task;
            this.home = home;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            if (result instanceof Failure failure) {
                Exception cause = failure.cause();
                future.completeExceptionally(cause instanceof RuntimeException ? cause
                        : new SqliteStorageException("write failed: " + cause.getMessage(), cause));
            } else {
                future.complete((T) result);
            }
        }
    }
}
