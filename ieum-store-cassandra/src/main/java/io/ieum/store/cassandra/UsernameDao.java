package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.UsernamesTable.*;

import java.util.Optional;
import java.util.UUID;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

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

    /** Claims the name for {@code userId}; returns the holder afterwards (this user if the claim won, or on a retry). */
    UserId claim(Username username, UserId userId) {
        ResultSet result = cql.execute(claim.bind(username.value(), userId.uuid())
                .setConsistencyLevel(ConsistencyLevel.QUORUM)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                // A timed-out LWT is retried by the caller, who compares the holder: safe, but not blindly.
                .setIdempotent(false));
        if (result.wasApplied()) {
            return userId;
        }
        UUID holder = result.one().getUuid(USER_ID);
        return new UserId(holder);
    }

    Optional<UserId> holder(Username username) {
        Row row = cql.execute(select.bind(username.value())).one();
        return row == null || row.isNull(USER_ID) ? Optional.empty() : Optional.of(new UserId(row.getUuid(USER_ID)));
    }
}
