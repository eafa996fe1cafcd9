package io.ieum.server;

import java.time.Clock;
import java.time.Duration;

import java.util.function.Consumer;

import io.ieum.core.service.EventSink;
import io.ieum.core.service.Services;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.json.Json;
import io.ieum.server.realtime.Delivery;
import io.ieum.server.realtime.SyncNudges;
import io.ieum.server.realtime.WebSocketEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;

/**
 * Builds the realtime part ({@code io.ieum.server.realtime}) in two steps, because the services need
 * its event sink and its endpoint needs the services. The only class that names realtime's types.
 */
final class RealtimeWiring {

    private RealtimeWiring() {}

    /** Step 1, before the services exist: where they publish live events. */
    static EventSink delivery(Json json, MeterRegistry meters) {
        return new Delivery(json, meters);
    }

    /** Step 2: the {@code /ws} endpoint over the services and the delivery of step 1. */
    static Realtime endpoint(Services services, EventSink delivery, Json json, ErrorMessages messages,
                             MeterRegistry meters, String nodeName, Clock clock, Duration nudgeWindow) {
        WebSocketEndpoint ws = new WebSocketEndpoint(services, (Delivery) delivery, json, messages, meters, nodeName, clock);
        SyncNudges nudges = new SyncNudges((Delivery) delivery, json, meters, nudgeWindow);
        return new Realtime() {
            @Override
            public EventSink events() {
                return delivery;
            }

            @Override
            public Consumer<ChannelPipeline> pipelineCustomizer() {
                return ws.pipelineCustomizer();
            }

            @Override
            public void shutdown() {
                ws.shutdown();
            }

            @Override
            public int connectionCount() {
                return ws.connectionCount();
            }

            @Override
            public void nudgeSync() {
                nudges.nudgeAll();
            }
        };
    }
}
