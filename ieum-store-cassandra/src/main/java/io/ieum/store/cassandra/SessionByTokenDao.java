package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.SessionsByTokenTable.*;

import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;

/** {@link SessionsByTokenTable}. */
final class SessionByTokenDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    SessionByTokenDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", TOKEN_HASH, SESSION_ID, USER_ID,
                DEVICE_NAME, CREATED_AT, EXPIRES_AT) + ") VALUES (?, ?, ?, ?, ?, ?)");
        this.select = cql.prepare("SELECT " + String.join(", ", TOKEN_HASH, SESSION_ID, USER_ID, DEVICE_NAME, CREATED_AT,
                EXPIRES_AT) + " FROM {ks}." + NAME + " WHERE " + TOKEN_HASH + " = ?");
        this.delete = cql.prepare("DELETE FROM {ks}." + NAME + " WHERE " + TOKEN_HASH + " = ?");
    }

    void insert(Session s) {
        cql.execute(insert.bind(s.tokenHash(), s.id().uuid(), s.userId().uuid(), s.deviceName(), s.createdAt(), s.expiresAt()));
    }

    Optional<Session> byTokenHash(String tokenHash) {
        Row row = cql.execute(select.bind(tokenHash)).one();
        if (row == null || row.isNull(SESSION_ID)) {
            return Optional.empty();
        }
        return Optional.of(new Session(new SessionId(row.getUuid(SESSION_ID)), new UserId(row.getUuid(USER_ID)),
                row.getString(TOKEN_HASH), row.getString(DEVICE_NAME), row.getInstant(CREATED_AT), row.getInstant(EXPIRES_AT)));
    }

    void delete(String tokenHash) {
        cql.execute(delete.bind(tokenHash));
    }
}
