package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Conversation;
import io.ieum.core.channel.Staff;
import io.ieum.core.channel.StaffRole;
import io.ieum.core.id.Ids;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.RoomStore;
import io.ieum.core.store.TimelineStore;

/**
 * A customer's conversation with a channel is an ordinary room of kind CHANNEL: the customer and
 * every staff member are members, so messages, unread counts, sync and live push work as in any
 * room, and the conversation outlives any one staff member. Notices about orders and bookings are
 * entries posted into it.
 */
public final class ConversationRooms {

    private final ChannelStore channels;
    private final RoomStore rooms;
    private final TimelineStore timeline;
    private final Membership membership;
    private final EventSink events;
    private final Clock clock;

    public ConversationRooms(ChannelStore channels, RoomStore rooms, TimelineStore timeline, Membership membership,
                             EventSink events, Clock clock) {
        this.channels = requireNonNull(channels, "channels");
        this.rooms = requireNonNull(rooms, "rooms");
        this.timeline = requireNonNull(timeline, "timeline");
        this.membership = requireNonNull(membership, "membership");
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Derived from the pair, so two sites opening it at once make the same room without a transaction. */
    public static RoomId roomId(io.ieum.core.id.ChannelId channelId, UserId customer) {
        return new RoomId(Ids.nameBased("ieum-channel:" + channelId + ":" + customer));
    }

    /** The conversation room of {@code customer} with {@code channel}, created (idempotently) if needed. */
    public Room open(Channel channel, UserId customer) {
        RoomId id = roomId(channel.id(), customer);
        var existing = rooms.room(id);
        if (existing.isPresent() && membership.memberIds(id).contains(customer)) {
            return existing.get();
        }
        Instant now = clock.instant();
        rooms.create(new Room(id, RoomKind.CHANNEL, channel.name(), channel.owner(), now));
        rooms.addMember(new Member(id, customer, MemberRole.MEMBER, now));
        for (Staff staff : channels.staffOf(channel.id())) {
            rooms.addMember(new Member(id, staff.userId(), staff.role() == StaffRole.OWNER ? MemberRole.OWNER : MemberRole.MEMBER, now));
        }
        // Recorded last: the inbox lists only conversations whose room is complete.
        channels.putConversation(new Conversation(channel.id(), customer, id));
        membersChanged(id);
        return rooms.room(id).orElseThrow();
    }

    /** A new staff member joins every existing conversation; a leaving one leaves them all. */
    public void staffChanged(io.ieum.core.id.ChannelId channelId, UserId user, boolean added) {
        Instant now = clock.instant();
        for (Conversation conversation : channels.conversations(channelId)) {
            if (added) {
                rooms.addMember(new Member(conversation.roomId(), user, MemberRole.MEMBER, now));
            } else if (!conversation.customer().equals(user)) {
                rooms.removeMember(conversation.roomId(), user);
            }
            membersChanged(conversation.roomId());
        }
    }

    /**
     * Posts a notice into the customer's conversation (opening it if needed) and pushes it to every
     * member's devices. Waits until the entry is durable.
     */
    public Entry post(Channel channel, UserId customer, UserId actor, EntryKind kind, String target, String text) {
        Room room = open(channel, customer);
        Entry notice = new Entry(room.id(), MessageId.generate(), actor, kind, text, null, List.of(), target, false);
        timeline.append(notice).join();
        events.publish(membership.memberIds(room.id()), new LiveEvent.EntryAdded(notice));
        return notice;
    }

    private void membersChanged(RoomId roomId) {
        membership.invalidate(roomId);
        events.publish(List.of(), new LiveEvent.MembersChanged(roomId));
    }
}
