package io.ieum.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromiums shared by every browser test of the JVM: starting one costs seconds on this
 * machine, clearing one costs milliseconds. Browser {@code i} is user {@code i} of a test (each its
 * own profile, so two users never share storage); after each test every origin it visited is cleared.
 * Register with {@code @RegisterExtension static final Browsers browsers = new Browsers();}.
 */
final class Browsers implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    private Pool pool;
    private final List<Integer> lent = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(Browser.available() || System.getenv("CI") != null, "run scripts/install-browser-deps.sh first");
        pool = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Pool.class, k -> new Pool(), Pool.class);
    }

    /** User {@code index}'s browser, pointed at {@code server}. */
    Browser user(int index, URI server) {
        lent.add(index);
        return pool.get(index).at(server);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int index : lent) {
            if (context.getExecutionException().isPresent()) {
                pool.keepEvidence(index, Path.of("target", "screenshots", "failed")
                        .resolve(context.getRequiredTestMethod().getName() + "-user" + index));
            }
            pool.reset(index);
        }
        lent.clear();
    }

    /** The browsers, closed with their profiles when the test run ends. */
    static final class Pool implements AutoCloseable {

        private final List<Browser> browsers = new ArrayList<>();
        private final Path profiles;

        Pool() {
            try {
                profiles = Files.createTempDirectory("ieum-browsers-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized Browser get(int index) {
            while (browsers.size() <= index) {
                browsers.add(null);
            }
            if (browsers.get(index) == null) {
                browsers.set(index, new Browser(profiles.resolve("user-" + index + "-" + System.nanoTime())));
            }
            return browsers.get(index);
        }

        /** Clears a browser for the next test; one that cannot be cleared is closed and replaced when next asked for. */
        synchronized void reset(int index) {
            Browser browser = browsers.get(index);
            try {
                browser.reset();
            } catch (RuntimeException e) {
                browsers.set(index, null);
                closeQuietly(browser);
            }
        }

        /** What a failed test left on screen, and the page's text, for the post-mortem. */
        synchronized void keepEvidence(int index, Path prefix) {
            Browser browser = browsers.get(index);
            try {
                browser.screenshot(Path.of(prefix + ".png"));
                Files.writeString(Path.of(prefix + ".txt"), browser.driver.getCurrentUrl() + "\n"
                        + browser.js("return document.body.innerText"));
            } catch (IOException | RuntimeException e) {
                // no evidence, the failure itself still shows
            }
        }

        @Override
        public synchronized void close() {
            browsers.stream().filter(b -> b != null).forEach(Pool::closeQuietly);
            browsers.clear();
            try (Stream<Path> files = Files.walk(profiles)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }

        private static void closeQuietly(Browser browser) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
