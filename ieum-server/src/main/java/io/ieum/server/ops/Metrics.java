package io.ieum.server.ops;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every Ieum-specific meter, named in one place. Prometheus names: {@code ieum_messages_sent_total},
 * {@code ieum_messages_duplicate_total}, {@code ieum_login_failures_total}, …
 */
public final class Metrics {

    /** Sends stored on their first try, over REST or the WebSocket (both count here). */
    public static final String MESSAGES_SENT = "ieum.messages.sent";
    public static final String MESSAGES_DUPLICATE = "ieum.messages.duplicate";

    private final Counter messagesSent;
    private final Counter messagesDuplicate;
    private final Counter loginFailures;
    private final Counter loginsThrottled;
    private final Counter uploadsRejected;
    private final Counter busyRejections;

    public Metrics(MeterRegistry registry) {
        requireNonNull(registry, "registry");
        messagesSent = Counter.builder(MESSAGES_SENT).description("Messages stored (first try)").register(registry);
        messagesDuplicate = Counter.builder(MESSAGES_DUPLICATE).description("Sends recognised as retries of a stored message").register(registry);
        loginFailures = Counter.builder("ieum.login.failures").description("Logins refused for wrong credentials").register(registry);
        loginsThrottled = Counter.builder("ieum.login.throttled").description("Logins refused by the throttle").register(registry);
        uploadsRejected = Counter.builder("ieum.uploads.rejected").description("Uploads refused for exceeding the size limit").register(registry);
        busyRejections = Counter.builder("ieum.busy.rejections").description("Requests refused because storage was busy").register(registry);
    }

    public void messageSent() {
        messagesSent.increment();
    }

    public void messageDuplicate() {
        messagesDuplicate.increment();
    }

    public void loginFailed() {
        loginFailures.increment();
    }

    public void loginThrottled() {
        loginsThrottled.increment();
    }

    public void uploadRejected() {
        uploadsRejected.increment();
    }

    public void busy() {
        busyRejections.increment();
    }
}
