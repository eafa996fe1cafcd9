package io.ieum.server;

import java.util.function.Consumer;

import io.ieum.core.service.EventSink;
import io.netty.channel.ChannelPipeline;

/**
 * The realtime part as the server wiring sees it: where services publish live events, the
 * {@code /ws} endpoint, and its shutdown. {@link RealtimeWiring} builds it; only that class knows
 * the classes of {@code io.ieum.server.realtime}.
 */
interface Realtime {

    EventSink events();

    /** Takes {@code GET /ws} connections out of Armeria's pipeline (see ADR 0007). */
    Consumer<ChannelPipeline> pipelineCustomizer();

    /** Closes every socket with 1001 (going away). */
    void shutdown();

    int connectionCount();

    /** Tells every connected device to sync, spread over the configured window (ADR 0006). */
    void nudgeSync();

    /** Until the realtime endpoint is wired in: no pushes, and {@code /ws} is left to Armeria (404). */
    Realtime NONE = new Realtime() {
        @Override
        public EventSink events() {
            return EventSink.NONE;
        }

        @Override
        public Consumer<ChannelPipeline> pipelineCustomizer() {
            return p -> { };
        }

        @Override
        public void shutdown() {}

        @Override
        public int connectionCount() {
            return 0;
        }

        @Override
        public void nudgeSync() {}
    };
}
