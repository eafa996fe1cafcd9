package io.ieum.core.service;

import java.util.Collection;

import io.ieum.core.id.UserId;

/**
 * Where the services hand live events for delivery. The server implements it with the sockets it
 * holds (and, across sites, with node-to-node events). Delivery is best effort: a device that
 * misses an event catches up by syncing from its cursor.
 */
@FunctionalInterface
public interface EventSink {

    void publish(Collection<UserId> recipients, LiveEvent event);

    EventSink NONE = (recipients, event) -> {};
}
