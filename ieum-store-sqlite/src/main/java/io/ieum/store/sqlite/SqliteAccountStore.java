package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;
import io.ieum.core.store.AccountStore;

final class SqliteAccountStore implements AccountStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final AccountDao dao = new AccountDao();

    SqliteAccountStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public boolean create(Account account) {
        requireNonNull(account, "account");
        return writer.call(connection -> dao.insertIfAbsent(connection, account)
                || dao.byUsername(connection, account.username())
                        .map(existing -> existing.id().equals(account.id()))
                        .orElse(false));
    }

    @Override
    public Optional<Account> byId(UserId id) {
        requireNonNull(id, "id");
        return reads.read(connection -> dao.byId(connection, id));
    }

    @Override
    public Optional<Account> byUsername(Username username) {
        requireNonNull(username, "username");
        return reads.read(connection -> dao.byUsername(connection, username));
    }

    @Override
    public void updateProfile(UserId id, Profile profile) {
        requireNonNull(id, "id");
        requireNonNull(profile, "profile");
        writer.call(connection -> {
            dao.updateProfile(connection, id, profile);
            return null;
        });
    }
}
