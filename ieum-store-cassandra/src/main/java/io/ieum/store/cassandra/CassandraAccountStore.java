package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;
import io.ieum.core.store.AccountStore;

/**
 * Claims the username first (LWT), then writes the account row. A crash in between leaves a
 * claimed name without an account: the retry by the same account finds itself the holder and
 * writes the row; lookups by name ignore a holder whose row is missing.
 */
final class CassandraAccountStore implements AccountStore {

    private final AccountDao accounts;
    private final UsernameDao usernames;

    CassandraAccountStore(Cql cql) {
        this.accounts = new AccountDao(cql);
        this.usernames = new UsernameDao(cql);
    }

    @Override
    public boolean create(Account account) {
        requireNonNull(account, "account");
        UserId holder = usernames.claim(account.username(), account.id());
        if (!holder.equals(account.id())) {
            return false;
        }
        accounts.insert(account);
        return true;
    }

    @Override
    public Optional<Account> byId(UserId id) {
        return accounts.byId(requireNonNull(id, "id"));
    }

    @Override
    public Optional<Account> byUsername(Username username) {
        requireNonNull(username, "username");
        return usernames.holder(username).flatMap(accounts::byId);
    }

    @Override
    public void updateProfile(UserId id, Profile profile) {
        requireNonNull(id, "id");
        requireNonNull(profile, "profile");
        // An UPDATE would create a row for an unknown ID: accounts are never deleted, so check first.
        if (accounts.byId(id).isPresent()) {
            accounts.updateProfile(id, profile);
        }
    }
}
