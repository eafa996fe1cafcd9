package io.ieum.core.service;

import java.time.Clock;
import java.time.Duration;

import io.ieum.core.store.Storage;

/** The domain services over one storage backend, wired once by the server. */
public record Services(AccountService accounts, ContactService contacts, RoomService rooms,
                       MessageService messages, Membership membership, Storage storage, Limits limits) {

    public static Services create(Storage storage, EventSink events, Limits limits, Clock clock, PasswordHasher hasher) {
        AccountService accounts = new AccountService(storage.accounts(), storage.sessions(), hasher,
                LoginThrottle.withDefaults(clock), limits, clock);
        ContactService contacts = new ContactService(storage.contacts(), accounts, clock);
        Membership membership = new Membership(storage.rooms(), clock, Duration.ofSeconds(5));
        RoomService rooms = new RoomService(storage.rooms(), storage.timeline(), storage.reads(), accounts, contacts,
                membership, events, limits, clock);
        MessageService messages = new MessageService(storage.timeline(), storage.reads(), storage.rooms(), storage.blobs(), membership,
                contacts, events, limits, clock);
        return new Services(accounts, contacts, rooms, messages, membership, storage, limits);
    }
}
