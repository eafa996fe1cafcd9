package io.ieum.core.store;

import static java.util.Objects.requireNonNull;

/**
 * One storage backend: every port, plus a health probe. Only the server wiring chooses a backend;
 * everything else sees these interfaces.
 */
public record Storage(String backend, AccountStore accounts, SessionStore sessions, ContactStore contacts,
                      RoomStore rooms, TimelineStore timeline, ReadStore reads, BlobStore blobs,
                      ChannelStore channels, OrderStore orders, BookingStore bookings,
                      HealthProbe health, AutoCloseable closer) implements AutoCloseable {

    public Storage {
        requireNonNull(backend, "backend");
        requireNonNull(accounts, "accounts");
        requireNonNull(sessions, "sessions");
        requireNonNull(contacts, "contacts");
        requireNonNull(rooms, "rooms");
        requireNonNull(timeline, "timeline");
        requireNonNull(reads, "reads");
        requireNonNull(blobs, "blobs");
        requireNonNull(channels, "channels");
        requireNonNull(orders, "orders");
        requireNonNull(bookings, "bookings");
        requireNonNull(health, "health");
        requireNonNull(closer, "closer");
    }

    /** Flushes pending group commits and releases the backend. */
    @Override
    public void close() throws Exception {
        closer.close();
    }

    /** A storage health check. Never throws: a failure is reported as unhealthy with a reason. */
    @FunctionalInterface
    public interface HealthProbe {
        HealthStatus check();
    }

    /**
     * @param nodes the backend's nodes as this server sees them; empty for an embedded backend
     */
    public record HealthStatus(boolean healthy, String detail, java.util.List<StorageNode> nodes) {
        public HealthStatus {
            requireNonNull(detail, "detail");
            nodes = java.util.List.copyOf(requireNonNull(nodes, "nodes"));
        }

        public HealthStatus(boolean healthy, String detail) {
            this(healthy, detail, java.util.List.of());
        }

        public static HealthStatus ok(String detail) {
            return new HealthStatus(true, detail);
        }

        public static HealthStatus failing(String detail) {
            return new HealthStatus(false, detail);
        }
    }

    /** One node of a clustered backend, as this server's driver sees it. */
    public record StorageNode(String address, String datacenter, boolean up) {
        public StorageNode {
            requireNonNull(address, "address");
            requireNonNull(datacenter, "datacenter");
        }
    }
}
