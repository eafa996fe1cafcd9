package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.AccountsTable.*;

import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;

/** {@link AccountsTable}: plain QUORUM upserts; every write is idempotent. */
final class AccountDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement updateProfile;

    AccountDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", USER_ID, USERNAME, PASSWORD_HASH,
                DISPLAY_NAME, STATUS_MESSAGE, AVATAR, CREATED_AT) + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.select = cql.prepare("SELECT " + String.join(", ", USER_ID, USERNAME, PASSWORD_HASH, DISPLAY_NAME,
                STATUS_MESSAGE, AVATAR, CREATED_AT) + " FROM {ks}." + NAME + " WHERE " + USER_ID + " = ?");
        this.updateProfile = cql.prepare("UPDATE {ks}." + NAME + " SET " + DISPLAY_NAME + " = ?, " + STATUS_MESSAGE
                + " = ?, " + AVATAR + " = ? WHERE " + USER_ID + " = ?");
    }

    void insert(Account account) {
        Profile p = account.profile();
        cql.execute(insert.bind(account.id().uuid(), account.username().value(), account.passwordHash(),
                p.displayName(), p.statusMessage(), p.avatar(), account.createdAt()));
    }

    Optional<Account> byId(UserId id) {
        Row row = cql.execute(select.bind(id.uuid())).one();
        if (row == null || row.getString(USERNAME) == null) {
            return Optional.empty();
        }
        return Optional.of(new Account(new UserId(row.getUuid(USER_ID)), new Username(row.getString(USERNAME)),
                row.getString(PASSWORD_HASH),
                new Profile(row.getString(DISPLAY_NAME), row.getString(STATUS_MESSAGE), row.getString(AVATAR)),
                row.getInstant(CREATED_AT)));
    }

    void updateProfile(UserId id, Profile profile) {
        cql.execute(updateProfile.bind(profile.displayName(), profile.statusMessage(), profile.avatar(), id.uuid()));
    }
}
