package io.ieum.core.store;

import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;

/** Accounts, found by ID or by (case-folded) username. */
public interface AccountStore {

    /**
     * Stores a new account if its username is free. Claiming the username is linearizable
     * (a unique key on SQLite, a lightweight transaction on Cassandra).
     *
     * @return false if the username is already taken by another account; true if it was created,
     *         or if this same account (same ID) was already created by an earlier try
     */
    boolean create(Account account);

    Optional<Account> byId(UserId id);

    Optional<Account> byUsername(Username username);

    /** Replaces the profile. Has no effect for an unknown ID. */
    void updateProfile(UserId id, Profile profile);
}
