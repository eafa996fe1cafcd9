package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.SessionsByUserTable.*;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;

/** {@link SessionsByUserTable}. */
final class SessionByUserDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    SessionByUserDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", USER_ID, CREATED_AT, SESSION_ID,
                TOKEN_HASH, DEVICE_NAME, EXPIRES_AT) + ") VALUES (?, ?, ?, ?, ?, ?)");
        this.select = cql.prepare("SELECT " + String.join(", ", USER_ID, CREATED_AT, SESSION_ID, TOKEN_HASH, DEVICE_NAME,
                EXPIRES_AT) + " FROM {ks}." + NAME + " WHERE " + USER_ID + " = ?");
        this.delete = cql.prepare("DELETE FROM {ks}." + NAME + " WHERE " + USER_ID + " = ? AND " + CREATED_AT
                + " = ? AND " + SESSION_ID + " = ?");
    }

    void insert(Session s) {
        cql.execute(insert.bind(s.userId().uuid(), s.createdAt(), s.id().uuid(), s.tokenHash(), s.deviceName(), s.expiresAt()));
    }

    /** Oldest first: the clustering order. */
    List<Session> byUser(UserId userId) {
        List<Session> sessions = new ArrayList<>();
        for (Row row : cql.execute(select.bind(userId.uuid()))) {
            if (row.isNull(TOKEN_HASH)) {
                continue;
            }
            sessions.add(new Session(new SessionId(row.getUuid(SESSION_ID)), new UserId(row.getUuid(USER_ID)),
                    row.getString(TOKEN_HASH), row.getString(DEVICE_NAME), row.getInstant(CREATED_AT),
                    row.getInstant(EXPIRES_AT)));
        }
        return sessions;
    }

    void delete(Session s) {
        cql.execute(delete.bind(s.userId().uuid(), s.createdAt(), s.id().uuid()));
    }
}
