package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;
import io.ieum.core.store.ContactStore;

final class SqliteContactStore implements ContactStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final ContactDao dao = new ContactDao();

    SqliteContactStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void put(Contact contact) {
        requireNonNull(contact, "contact");
        writer.call(connection -> {
            dao.upsert(connection, contact);
            return null;
        });
    }

    @Override
    public boolean remove(UserId owner, UserId other) {
        requireNonNull(owner, "owner");
        requireNonNull(other, "other");
        return writer.call(connection -> dao.delete(connection, owner, other));
    }

    @Override
    public Optional<Relation> relation(UserId owner, UserId other) {
        requireNonNull(owner, "owner");
        requireNonNull(other, "other");
        return reads.read(connection -> dao.relation(connection, owner, other));
    }

    @Override
    public List<Contact> list(UserId owner) {
        requireNonNull(owner, "owner");
        return reads.read(connection -> dao.list(connection, owner));
    }
}
