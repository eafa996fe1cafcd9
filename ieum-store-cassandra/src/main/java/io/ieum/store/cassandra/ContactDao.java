package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.ContactsTable.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;

/** {@link ContactsTable}. */
final class ContactDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement selectAll;
    private final PreparedStatement delete;

    ContactDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", OWNER, OTHER, RELATION, SINCE)
                + ") VALUES (?, ?, ?, ?)");
        String columns = String.join(", ", OWNER, OTHER, RELATION, SINCE);
        this.selectOne = cql.prepare("SELECT " + columns + " FROM {ks}." + NAME + " WHERE " + OWNER + " = ? AND " + OTHER + " = ?");
        this.selectAll = cql.prepare("SELECT " + columns + " FROM {ks}." + NAME + " WHERE " + OWNER + " = ?");
        this.delete = cql.prepare("DELETE FROM {ks}." + NAME + " WHERE " + OWNER + " = ? AND " + OTHER + " = ?");
    }

    void put(Contact c) {
        cql.execute(insert.bind(c.owner().uuid(), c.other().uuid(), c.relation().name(), c.since()));
    }

    Optional<Contact> get(UserId owner, UserId other) {
        Row row = cql.execute(selectOne.bind(owner.uuid(), other.uuid())).one();
        return row == null || row.isNull(RELATION) ? Optional.empty() : Optional.of(contact(row));
    }

    List<Contact> list(UserId owner) {
        List<Contact> contacts = new ArrayList<>();
        for (Row row : cql.execute(selectAll.bind(owner.uuid()))) {
            if (!row.isNull(RELATION)) {
                contacts.add(contact(row));
            }
        }
        return contacts;
    }

    void delete(UserId owner, UserId other) {
        cql.execute(delete.bind(owner.uuid(), other.uuid()));
    }

    private static Contact contact(Row row) {
        return new Contact(new UserId(row.getUuid(OWNER)), new UserId(row.getUuid(OTHER)),
                Relation.valueOf(row.getString(RELATION)), row.getInstant(SINCE));
    }
}
