package io.ieum.core.store;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;

/** Friend and block lists. Each relation is owned by one user and points at another. */
public interface ContactStore {

    /** Sets (or replaces) how {@code contact.owner()} has marked {@code contact.other()}. Idempotent. */
    void put(Contact contact);

    /** Removes whatever relation {@code owner} has to {@code other}; returns whether there was one. */
    boolean remove(UserId owner, UserId other);

    Optional<Relation> relation(UserId owner, UserId other);

    /** All of the owner's relations, in no particular order. */
    List<Contact> list(UserId owner);
}
