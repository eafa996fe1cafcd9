package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;
import io.ieum.core.store.ContactStore;

/** Contacts: last write wins per (owner, other), which is what "sets or replaces" means. */
final class CassandraContactStore implements ContactStore {

    private final ContactDao dao;

    CassandraContactStore(Cql cql) {
        this.dao = new ContactDao(cql);
    }

    @Override
    public void put(Contact contact) {
        dao.put(requireNonNull(contact, "contact"));
    }

    @Override
    public boolean remove(UserId owner, UserId other) {
        requireNonNull(owner, "owner");
        requireNonNull(other, "other");
        if (dao.get(owner, other).isEmpty()) {
            return false;
        }
        dao.delete(owner, other);
        return true;
    }

    @Override
    public Optional<Relation> relation(UserId owner, UserId other) {
        return dao.get(requireNonNull(owner, "owner"), requireNonNull(other, "other")).map(Contact::relation);
    }

    @Override
    public List<Contact> list(UserId owner) {
        return dao.list(requireNonNull(owner, "owner"));
    }
}
