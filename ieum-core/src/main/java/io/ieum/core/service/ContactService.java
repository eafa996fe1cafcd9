package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;
import io.ieum.core.store.ContactStore;

/** Friends and blocks. A block is checked before any message, direct room or group invitation. */
public final class ContactService {

    private final ContactStore contacts;
    private final AccountService accounts;
    private final Clock clock;

    public ContactService(ContactStore contacts, AccountService accounts, Clock clock) {
        this.contacts = requireNonNull(contacts, "contacts");
        this.accounts = requireNonNull(accounts, "accounts");
        this.clock = requireNonNull(clock, "clock");
    }

    public Account addFriend(AuthContext caller, String username) {
        return mark(caller, username, Relation.FRIEND);
    }

    public Account block(AuthContext caller, String username) {
        return mark(caller, username, Relation.BLOCKED);
    }

    /** Removes a friend or lifts a block. */
    public void remove(AuthContext caller, String username) {
        Account other = accounts.byUsername(username);
        if (!contacts.remove(caller.userId(), other.id())) {
            throw IeumException.notFound("username: '" + other.username() + "' (expected: someone on your friend or block list)");
        }
    }

    public List<Contact> list(AuthContext caller) {
        return contacts.list(caller.userId());
    }

    /** Whether {@code owner} has blocked {@code other}. */
    public boolean hasBlocked(UserId owner, UserId other) {
        return contacts.relation(owner, other).orElse(null) == Relation.BLOCKED;
    }

    public boolean blockedEitherWay(UserId a, UserId b) {
        return hasBlocked(a, b) || hasBlocked(b, a);
    }

    private Account mark(AuthContext caller, String username, Relation relation) {
        Account other = accounts.byUsername(username);
        if (other.id().equals(caller.userId())) {
            throw IeumException.invalid("username: '" + other.username() + "' (expected: someone other than yourself)");
        }
        contacts.put(new Contact(caller.userId(), other.id(), relation, clock.instant()));
        return other;
    }
}
