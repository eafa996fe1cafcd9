package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;

import io.ieum.core.store.Storage;

/** Opens the Cassandra backend: three sites, active-active. */
public final class CassandraStorage {

    public static final String BACKEND = "cassandra";

    private CassandraStorage() {}

    /**
     * Connects to the cluster (local datacenter first), creates the keyspace if missing, applies the
     * schema steps not yet applied and prepares every statement. Closing the storage closes the session.
     */
    public static Storage open(CassandraConfig config) {
        return open(config, UnaryOperator.identity());
    }

    /** As {@link #open(CassandraConfig)}, letting tests add to the session (a request tracker, ...). */
    static Storage open(CassandraConfig config, UnaryOperator<CqlSessionBuilder> customizer) {
        requireNonNull(config, "config");
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoints(config.contactAddresses())
                .withLocalDatacenter(config.localDatacenter())
                .withConfigLoader(DriverSettings.loader(config));
        CqlSession session = customizer.apply(builder).build();
        ExecutorService callbacks = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ieum-cassandra-callback");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CassandraMigrations.apply(session, config);
            Cql cql = new Cql(session, config.keyspace(), callbacks);
            WriteTimestamps timestamps = new WriteTimestamps(Clock.systemUTC());
            return new Storage(BACKEND,
                    new CassandraAccountStore(cql),
                    new CassandraSessionStore(cql),
                    new CassandraContactStore(cql),
                    new CassandraRoomStore(cql),
                    new CassandraTimelineStore(cql, timestamps),
                    new CassandraReadStore(cql),
                    new CassandraBlobStore(cql),
                    new CassandraChannelStore(cql),
                    new CassandraOrderStore(cql),
                    new CassandraBookingStore(cql),
                    new CassandraHealthProbe(session, new RejoinGate(session, config.localDatacenter())),
                    () -> {
                        session.close();
                        callbacks.shutdown();
                    });
        } catch (RuntimeException e) {
            session.close();
            callbacks.shutdown();
            throw e;
        }
    }
}
