package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.UsernamesTable.*;

import java.util.Optional;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Username;

/**
 * {@link UsernamesTable}: claiming a name is {@code INSERT ... IF NOT EXISTS} (Paxos at SERIAL, commit
 * at QUORUM), the only lightweight transaction on a user's path.
 */
final class UsernameDao {

    private final Cql cql;
    private final PreparedStatement claim;
    private final PreparedStatement select;

    UsernameDao(Cql cql) {
        this.cql = cql;
        this.claim = cql.prepare("INSERT INTO {ks}." + NAME + " (" + USERNAME + ", " + USER_ID + ") VALUES (?, ?) IF NOT EXISTS");
        this.select = cql.prepare("SELECT " + USER_ID + " FROM {ks}." + NAME + " WHERE " + USERNAME + " = ?");
    }

    /** Attempts before giving up when Paxos keeps reporting an unknown outcome under contention. */
    static final int CLAIM_ATTEMPTS = 10;

    /**
     * Claims the name for {@code userId}; returns the holder afterwards (this user if the claim won,
     * or on a retry). When Paxos cannot tell whether our proposal won (contention, a timeout), a
     * SERIAL read settles any proposal in progress and tells who holds the name; if nobody does
     * yet, we propose again.
     */
    UserId claim(Username username, UserId userId) {
        try {
            return claimSettled(username, userId);
        } catch (DriverException e) {
            // Still unknown after every attempt, or no quorum at all: "busy", retried with the same account.
            throw StorageFailures.unavailable(e).orElseThrow(() -> e);
        }
    }

    private UserId claimSettled(Username username, UserId userId) {
        DriverException last = null;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                PaxosBackOff.pause(attempt, "username claim");
            }
            try {
                ResultSet result = cql.executeSettling(claim.bind(username.value(), userId.uuid())
                        .setConsistencyLevel(ConsistencyLevel.QUORUM)
                        .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                        // Safe to re-execute (a repeat that finds our own claim names us), but the driver
                        // must not fan one claim out to every node: that only feeds Paxos contention.
                        .setIdempotent(false));
                if (result.wasApplied()) {
                    return userId;
                }
                return new UserId(result.one().getUuid(USER_ID));
            } catch (QueryConsistencyException | DriverTimeoutException | ClosedConnectionException | HeartbeatException
                     | AllNodesFailedException e) {
                // The proposal may or may not have won: settle it with the SERIAL read below. Any timeout counts,
                // not only a CAS write timeout: the Paxos read of the current value timing out under contention
                // (ReadTimeoutException at SERIAL, seen in the 16-way claim test) used to escape as "busy" at once.
                last = e;
            }
            try {
                Optional<UserId> holder = holderSerial(username);
                if (holder.isPresent()) {
                    return holder.get();
                }
            } catch (QueryConsistencyException | DriverTimeoutException | ClosedConnectionException | HeartbeatException
                     | AllNodesFailedException e) {
                // A SERIAL read first completes a proposal in progress, so it can time out like a write.
                last = e;
            }
        }
        throw last;
    }

    /** A linearizable read: completes any claim in progress first. */
    Optional<UserId> holderSerial(Username username) {
        Row row = cql.executeSettling(select.bind(username.value()).setConsistencyLevel(ConsistencyLevel.SERIAL)).one();
        return row == null || row.isNull(USER_ID) ? Optional.empty() : Optional.of(new UserId(row.getUuid(USER_ID)));
    }

    Optional<UserId> holder(Username username) {
        Row row = cql.execute(select.bind(username.value())).one();
        return row == null || row.isNull(USER_ID) ? Optional.empty() : Optional.of(new UserId(row.getUuid(USER_ID)));
    }
}
