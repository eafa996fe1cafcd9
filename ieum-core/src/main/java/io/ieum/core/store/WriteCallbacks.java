package io.ieum.core.store;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where a store may complete the futures of the writes a thread begins: its <em>home</em>. An
 * event loop that starts a write and then does the follow-up work itself (encoding and writing the
 * push and the ack) names itself as home, so the store hands it the committed write directly
 * instead of through a thread of its own that would then hand the work back to the loop: one
 * thread hop and one wake-up fewer per commit.
 *
 * <p>The caller promises that nothing on the home waits for such a future (a {@code join} there
 * would wait for a completion queued behind itself), and that what runs on completion does not
 * block (a retried send's read, for one, goes to a pool of its own: {@code MessageService}).
 * Writes begun outside {@link #runOn} complete wherever the store completes them otherwise; a
 * store may ignore the home (Cassandra's driver completes on its own threads).
 */
public final class WriteCallbacks {

    private static final ThreadLocal<Executor> HOME = new ThreadLocal<>();

    private WriteCallbacks() {}

    /** Runs {@code writes}; the store completes the writes it begins on {@code home}. */
    public static <T> T runOn(Executor home, Supplier<T> writes) {
        requireNonNull(home, "home");
        Executor outer = HOME.get();
        HOME.set(home);
        try {
            return writes.get();
        } finally {
            if (outer == null) {
                HOME.remove();
            } else {
                HOME.set(outer);
            }
        }
    }

    /** The home of writes begun now on this thread, or null if it named none. */
    public static Executor home() {
        return HOME.get();
    }
}
