package io.ieum.server;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;

import io.ieum.core.service.EventSink;

/**
 * The realtime part as the server wiring sees it: where services publish live events, the
 * {@code /ws} endpoint, and its shutdown. {@link RealtimeWiring} builds it; only that class knows
 * the classes of {@code io.ieum.server.realtime}.
 */
interface Realtime {

    EventSink events();

    HttpService webSocket();

    /** Closes every socket with 1001 (going away). */
    void shutdown();

    int connectionCount();

    /** Until the realtime endpoint is wired in: no pushes, and {@code /ws} answers 503. */
    Realtime NONE = new Realtime() {
        @Override
        public EventSink events() {
            return EventSink.NONE;
        }

        @Override
        public HttpService webSocket() {
            return (ctx, req) -> HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE);
        }

        @Override
        public void shutdown() {}

        @Override
        public int connectionCount() {
            return 0;
        }
    };
}
