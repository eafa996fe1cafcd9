package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.ieum.core.channel.Announcement;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Conversation;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.channel.Staff;
import io.ieum.core.channel.StaffRole;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.EntryKind;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.RoomStore;

/** Channels, their staff and catalogue, followers, the inbox and announcements. */
public final class ChannelService {

    public static final int MAX_STAFF = 100;

    private final ChannelStore channels;
    private final RoomStore rooms;
    private final ChannelAccess access;
    private final ConversationRooms conversations;
    private final RoomService roomService;
    private final AccountService accounts;
    private final Clock clock;
    private final PublicPictures pictures;

    public ChannelService(ChannelStore channels, RoomStore rooms, ChannelAccess access, ConversationRooms conversations,
                          RoomService roomService, AccountService accounts, Clock clock, PublicPictures pictures) {
        this.channels = requireNonNull(channels, "channels");
        this.rooms = requireNonNull(rooms, "rooms");
        this.access = requireNonNull(access, "access");
        this.conversations = requireNonNull(conversations, "conversations");
        this.roomService = requireNonNull(roomService, "roomService");
        this.accounts = requireNonNull(accounts, "accounts");
        this.clock = requireNonNull(clock, "clock");
        this.pictures = requireNonNull(pictures, "pictures");
    }

    /** The caller's details for a channel, as they will be stored (validated by {@link Channel}). */
    public record Details(String name, String description, String openingHours, String contact, String picture) {}

    /** A new channel owned by the caller; its picture must be a file the caller uploaded ({@link PublicPictures}). */
    public Channel create(AuthContext caller, Details details) {
        pictures.requireOwnUpload("picture", details.picture(), null, caller.userId());
        Channel channel = new Channel(ChannelId.random(), details.name(), details.description(), details.openingHours(),
                details.contact(), details.picture(), caller.userId(), clock.instant());
        channels.create(channel);
        channels.putStaff(new Staff(channel.id(), caller.userId(), StaffRole.OWNER, channel.createdAt()));
        return channel;
    }

    /** New details (owner only); the picture stays, or is replaced by a file the caller uploaded. */
    public Channel update(AuthContext caller, ChannelId id, Details details) {
        pictures.requireOwnUpload("picture", details.picture(), access.channel(id).picture(), caller.userId());
        Channel changed = access.requireOwner(id, caller.userId()).withDetails(details.name(), details.description(),
                details.openingHours(), details.contact(), details.picture());
        channels.update(changed);
        return changed;
    }

    public Channel channel(ChannelId id) {
        return access.channel(id);
    }

    /** The caller's role at the channel, empty for customers. */
    public java.util.Optional<StaffRole> roleOf(AuthContext caller, ChannelId id) {
        return channels.staff(id, caller.userId()).map(Staff::role);
    }

    public List<Channel> search(String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.length() > Channel.MAX_NAME) {
            throw IeumException.invalid("q: " + text.length() + " characters (expected: at most " + Channel.MAX_NAME + ")");
        }
        return channels.search(text, limit);
    }

    public List<Staff> staff(AuthContext caller, ChannelId id) {
        access.requireStaff(id, caller.userId());
        return channels.staffOf(id);
    }

    /** The owner adds a staff member, who joins every customer conversation. */
    public Staff addStaff(AuthContext caller, ChannelId id, String username) {
        access.requireOwner(id, caller.userId());
        Account account = accounts.byUsername(username);
        var existing = channels.staff(id, account.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (channels.staffOf(id).size() >= MAX_STAFF) {
            throw IeumException.invalid("staff: " + MAX_STAFF + " (expected: at most " + MAX_STAFF + " staff members)");
        }
        Staff staff = new Staff(id, account.id(), StaffRole.STAFF, clock.instant());
        channels.putStaff(staff);
        conversations.staffChanged(id, account.id(), true);
        return staff;
    }

    public void removeStaff(AuthContext caller, ChannelId id, UserId user) {
        Channel channel = access.requireOwner(id, caller.userId());
        if (user.equals(channel.owner())) {
            throw IeumException.invalid("userId: " + user + " (expected: a staff member other than the owner)");
        }
        if (!channels.removeStaff(id, user)) {
            throw IeumException.notFound("userId: " + user + " (expected: a staff member of channel " + id + ")");
        }
        conversations.staffChanged(id, user, false);
    }

    /** What a shop adds to its catalogue; {@code options} for products, {@code durationMinutes} for services. */
    public record ItemDraft(ItemKind kind, String name, long price, List<String> options, int durationMinutes) {}

    public CatalogueItem addItem(AuthContext caller, ChannelId id, ItemDraft draft) {
        access.requireStaff(id, caller.userId());
        CatalogueItem item = new CatalogueItem(ItemId.random(), id, requireKind(draft.kind()), draft.name(), draft.price(),
                draft.options() == null ? List.of() : draft.options(), draft.durationMinutes(), true);
        channels.putItem(item);
        return item;
    }

    /** Replaces an item's name, price, options or duration (kind stays), or withdraws / restores it. */
    public CatalogueItem updateItem(AuthContext caller, ChannelId id, ItemId itemId, ItemDraft draft, boolean available) {
        access.requireStaff(id, caller.userId());
        CatalogueItem current = item(id, itemId);
        CatalogueItem changed = new CatalogueItem(itemId, id, current.kind(), draft.name(), draft.price(),
                draft.options() == null ? List.of() : draft.options(), draft.durationMinutes(), available);
        channels.putItem(changed);
        return changed;
    }

    public CatalogueItem item(ChannelId id, ItemId itemId) {
        return channels.item(id, itemId)
                .orElseThrow(() -> IeumException.notFound("itemId: " + itemId + " (expected: an item of channel " + id + ")"));
    }

    /** The catalogue as customers see it (withdrawn items only for staff). */
    public List<CatalogueItem> catalogue(AuthContext caller, ChannelId id) {
        access.channel(id);
        boolean staff = access.isStaff(id, caller.userId());
        return channels.catalogue(id).stream().filter(item -> staff || item.available()).toList();
    }

    public void follow(AuthContext caller, ChannelId id) {
        access.channel(id);
        channels.follow(id, caller.userId());
    }

    public void unfollow(AuthContext caller, ChannelId id) {
        access.channel(id);
        channels.unfollow(id, caller.userId());
    }

    public boolean follows(AuthContext caller, ChannelId id) {
        return channels.followedBy(caller.userId()).contains(id);
    }

    /** The channels the caller follows and those they work for. */
    public List<Channel> mine(AuthContext caller) {
        List<ChannelId> ids = new ArrayList<>(channels.channelsOfStaff(caller.userId()));
        channels.followedBy(caller.userId()).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids.stream().map(channels::channel).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(Channel::name)).toList();
    }

    /** The caller's (a customer's) conversation with the channel. */
    public Room openConversation(AuthContext caller, ChannelId id) {
        return conversations.open(access.channel(id), caller.userId());
    }

    /**
     * The channel a conversation room belongs to, for one of its members. The room's ID is derived
     * from (channel, customer), so it is found among the channels its owner works for, with no
     * reverse index: an owner has few channels and a conversation few members.
     */
    public Channel channelOfConversation(Room room, Set<UserId> members) {
        requireNonNull(room, "room");
        requireNonNull(members, "members");
        if (room.kind() == RoomKind.CHANNEL) {
            for (ChannelId id : channels.channelsOfStaff(room.owner())) {
                for (UserId member : members) {
                    if (ConversationRooms.roomId(id, member).equals(room.id())) {
                        return access.channel(id);
                    }
                }
            }
        }
        throw IeumException.notFound("roomId: " + room.id() + " (expected: a customer's conversation with a channel)");
    }

    /** One conversation of the inbox, as the calling staff member sees it (their own unread count). */
    public record InboxItem(Conversation conversation, RoomSummary summary) {}

    public List<InboxItem> inbox(AuthContext caller, ChannelId id) {
        access.requireStaff(id, caller.userId());
        List<InboxItem> items = new ArrayList<>();
        for (Conversation conversation : channels.conversations(id)) {
            rooms.room(conversation.roomId()).ifPresent(room ->
                    items.add(new InboxItem(conversation, roomService.summary(room, caller.userId()))));
        }
        items.sort(Comparator.comparingLong((InboxItem i) -> i.summary().lastActivityMillis()).reversed());
        return items;
    }

    /** Stores the announcement and posts it into every follower's conversation with the channel. */
    public Announcement announce(AuthContext caller, ChannelId id, String text) {
        access.requireStaff(id, caller.userId());
        Channel channel = access.channel(id);
        Announcement announcement = new Announcement(id, MessageId.generate(), caller.userId(), text);
        channels.announce(announcement);
        for (UserId follower : channels.followers(id)) {
            conversations.post(channel, follower, caller.userId(), EntryKind.ANNOUNCEMENT, announcement.id().toString(),
                    announcement.text());
        }
        return announcement;
    }

    public List<Announcement> announcements(ChannelId id, int limit) {
        access.channel(id);
        return channels.announcements(id, limit);
    }

    private static ItemKind requireKind(ItemKind kind) {
        if (kind == null) {
            throw IeumException.invalid("kind: missing (expected: PRODUCT or SERVICE)");
        }
        return kind;
    }
}
