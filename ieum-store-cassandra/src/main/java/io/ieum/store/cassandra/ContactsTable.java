package io.ieum.store.cassandra;

/** {@code contacts}: how an owner marked other users; one partition per owner. */
final class ContactsTable {
    static final String NAME = "contacts";
    static final String OWNER = "owner";
    static final String OTHER = "other";
    static final String RELATION = "relation";
    static final String SINCE = "since";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + OWNER + " uuid, " + OTHER + " uuid, " + RELATION + " text, " + SINCE + " timestamp, "
            + "PRIMARY KEY ((" + OWNER + "), " + OTHER + "))";

    private ContactsTable() {}
}
