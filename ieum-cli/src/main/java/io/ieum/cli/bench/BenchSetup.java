package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.ieum.cli.Messages;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.model.Room;

/**
 * Signs the users up (an existing {@code --prefix} is reused: sign-up hashes with Argon2id and is
 * slow), logs each in once, and makes one group room per {@code groupSize} consecutive users.
 */
final class BenchSetup {

    /** Tokens by user number, room IDs by group number. */
    record Users(List<String> tokens, List<String> rooms) {}

    /** Argon2id is CPU-bound on the server: more parallel sign-ups than cores only queue (and time out). */
    private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final int SIGN_UP_ATTEMPTS = 3;
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private final BenchPlan plan;
    private final Consumer<String> progress;
    private final TokenCache cache;

    /** @param cache where tokens are kept between runs, or null */
    BenchSetup(BenchPlan plan, Consumer<String> progress, TokenCache cache) {
        this.plan = requireNonNull(plan, "plan");
        this.progress = requireNonNull(progress, "progress");
        this.cache = cache;
    }

    Users run(IeumClient root) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < plan.users(); i++) {
                names.add(username(i));
            }
            List<String> cached = cache == null ? null : cache.load(names).orElse(null);
            List<String> tokens = cached != null ? cached : logIn(root, pool, names);
            progress.accept(Messages.get("bench.creatingGroups", plan.groups()));
            List<Future<String>> rooms = new ArrayList<>();
            for (int g = 0; g < plan.groups(); g++) {
                int first = g * plan.groupSize();
                List<String> others = new ArrayList<>(names.subList(first + 1, first + plan.groupSize()));
                String name = plan.prefix() + " group " + g;
                rooms.add(pool.submit(() -> {
                    Room room = root.as(tokens.get(first)).createGroup(name, others);
                    return room.id();
                }));
            }
            return new Users(tokens, collect(rooms, "bench.groupsCreated"));
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> logIn(IeumClient root, ExecutorService pool, List<String> names) throws InterruptedException {
        progress.accept(Messages.get("bench.signingUp", plan.users(), plan.prefix()));
        String password = "bench-" + plan.prefix() + "-secret";
        List<Future<String>> logins = new ArrayList<>();
        for (String name : names) {
            logins.add(pool.submit(() -> {
                signUp(root, name, password);
                return logIn(root, name, password);
            }));
        }
        List<String> tokens = collect(logins, "bench.signedUp");
        if (cache != null) {
            cache.save(names, tokens);
        }
        return tokens;
    }

    /**
     * An existing user is fine (a reused prefix). A server error or a lost answer is tried again:
     * a repeat of a sign-up that did happen only answers {@code username_taken}.
     */
    private static void signUp(IeumClient root, String name, String password) {
        for (int attempt = 1; ; attempt++) {
            try {
                root.sibling().signUp(name, password, name);
                return;
            } catch (IeumClientException e) {
                if ("username_taken".equals(e.error())) {
                    return;
                }
                boolean answerLost = e.status() == 0 || e.status() >= 500;
                if (!answerLost || attempt == SIGN_UP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * A log-in whose answer was lost or that timed out on a busy server (it answers 500 then) is
     * tried again: at worst the bench user gets one more session.
     */
    private static String logIn(IeumClient root, String name, String password) {
        for (int attempt = 1; ; attempt++) {
            try {
                IeumClient user = root.sibling();
                user.logIn(name, password);
                return user.token();
            } catch (IeumClientException e) {
                boolean answerLost = e.status() == 0 || e.status() >= 500;
                if (!answerLost || attempt == SIGN_UP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private String username(int i) {
        return plan.prefix() + "-" + i;
    }

    private <T> List<T> collect(List<Future<T>> futures, String progressKey) throws InterruptedException {
        List<T> results = new ArrayList<>();
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
            if (System.nanoTime() >= nextProgress) {
                nextProgress = System.nanoTime() + PROGRESS_NANOS;
                progress.accept(Messages.get(progressKey, results.size(), futures.size()));
            }
        }
        return results;
    }
}
