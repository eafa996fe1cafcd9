package io.ieum.core.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A small, bounded pool of daemon threads for a service's background reads: it never keeps the
 * process alive, its threads go after 10 s idle, and a task beyond its queue is refused
 * ({@link java.util.concurrent.RejectedExecutionException}) for the caller to handle.
 */
final class DaemonPool {

    private DaemonPool() {}

    static Executor bounded(String threadName, int threads, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
