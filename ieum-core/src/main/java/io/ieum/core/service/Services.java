package io.ieum.core.service;

import java.time.Clock;
import java.time.Duration;

import io.ieum.core.store.Storage;

/** The domain services over one storage backend, wired once by the server. */
public record Services(AccountService accounts, ContactService contacts, RoomService rooms,
                       MessageService messages, Membership membership, ChannelService channels, OrderService orders,
                       BookingService bookings, Storage storage, Limits limits) {

    public static Services create(Storage storage, EventSink events, Limits limits, Clock clock, PasswordHasher hasher) {
        PublicPictures pictures = new PublicPictures(storage.blobs());
        AccountService accounts = new AccountService(storage.accounts(), storage.sessions(), hasher,
                LoginThrottle.withDefaults(clock), limits, clock, pictures);
        ContactService contacts = new ContactService(storage.contacts(), accounts, clock);
        Membership membership = new Membership(storage.rooms(), clock, Duration.ofSeconds(5), Membership.backgroundRefresher());
        RoomService rooms = new RoomService(storage.rooms(), storage.timeline(), storage.reads(), accounts, contacts,
                membership, events, limits, clock);
        MessageService messages = new MessageService(storage.timeline(), storage.reads(), storage.rooms(), storage.blobs(), membership,
                contacts, events, limits, clock, MessageService.retryReader());
        ChannelAccess access = new ChannelAccess(storage.channels());
        ConversationRooms conversations = new ConversationRooms(storage.channels(), storage.rooms(), storage.timeline(),
                membership, events, clock);
        ChannelService channels = new ChannelService(storage.channels(), storage.rooms(), access, conversations, rooms,
                accounts, clock, pictures);
        OrderService orders = new OrderService(storage.orders(), storage.channels(), access, conversations, limits, clock);
        BookingService bookings = new BookingService(storage.bookings(), storage.channels(), access, conversations,
                accounts, limits, clock);
        return new Services(accounts, contacts, rooms, messages, membership, channels, orders, bookings, storage, limits);
    }
}
