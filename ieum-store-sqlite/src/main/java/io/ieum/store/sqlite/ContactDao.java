package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;

/** The {@code contacts} table: one row per (owner, other); the owner's list is a key-prefix scan. */
final class ContactDao {

    static final String TABLE = "contacts";
    static final String OWNER = "owner";
    static final String OTHER = "other";
    static final String RELATION = "relation";
    static final String SINCE = "since";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + OWNER + " BLOB NOT NULL, "
                    + OTHER + " BLOB NOT NULL, "
                    + RELATION + " TEXT NOT NULL, "
                    + SINCE + " INTEGER NOT NULL, "
                    + "PRIMARY KEY (" + OWNER + ", " + OTHER + ")) WITHOUT ROWID");

    private static final String COLUMNS = String.join(", ", OWNER, OTHER, RELATION, SINCE);
    private static final String UPSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (" + OWNER + ", " + OTHER + ") DO UPDATE SET "
            + RELATION + " = excluded." + RELATION + ", " + SINCE + " = excluded." + SINCE;
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + OWNER + " = ? AND " + OTHER + " = ?";
    private static final String SELECT_ONE = "SELECT " + RELATION + " FROM " + TABLE
            + " WHERE " + OWNER + " = ? AND " + OTHER + " = ?";
    private static final String SELECT_BY_OWNER = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + OWNER + " = ?";

    void upsert(SqlConnection connection, Contact contact) throws SQLException {
        PreparedStatement upsert = connection.prepare(UPSERT);
        Columns.setUuid(upsert, 1, contact.owner().uuid());
        Columns.setUuid(upsert, 2, contact.other().uuid());
        upsert.setString(3, contact.relation().name());
        Columns.setInstant(upsert, 4, contact.since());
        upsert.executeUpdate();
    }

    boolean delete(SqlConnection connection, UserId owner, UserId other) throws SQLException {
        PreparedStatement delete = connection.prepare(DELETE);
        Columns.setUuid(delete, 1, owner.uuid());
        Columns.setUuid(delete, 2, other.uuid());
        return delete.executeUpdate() > 0;
    }

    Optional<Relation> relation(SqlConnection connection, UserId owner, UserId other) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_ONE);
        Columns.setUuid(select, 1, owner.uuid());
        Columns.setUuid(select, 2, other.uuid());
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(Relation.valueOf(row.getString(RELATION))) : Optional.empty();
        }
    }

    List<Contact> list(SqlConnection connection, UserId owner) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_OWNER);
        Columns.setUuid(select, 1, owner.uuid());
        List<Contact> contacts = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                contacts.add(new Contact(new UserId(Columns.getUuid(row, OWNER)), new UserId(Columns.getUuid(row, OTHER)),
                        Relation.valueOf(row.getString(RELATION)), Columns.getInstant(row, SINCE)));
            }
        }
        return contacts;
    }
}
