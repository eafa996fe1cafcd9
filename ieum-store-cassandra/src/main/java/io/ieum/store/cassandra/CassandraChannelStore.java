package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.channel.Announcement;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Conversation;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.channel.Staff;
import io.ieum.core.channel.StaffRole;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelCodecs;
import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.StoreArguments;

/**
 * Channels, staff, catalogue, followers, conversations and announcements ({@link ChannelTables}).
 * Creating a channel is {@code INSERT … IF NOT EXISTS} and editing it {@code UPDATE … IF EXISTS}
 * (rare, so Paxos is affordable); everything else is a QUORUM upsert or delete, two-sided relations
 * in one logged batch. Search reads the {@code channel_directory}, spread over {@link #SHARDS} partitions.
 */
final class CassandraChannelStore implements ChannelStore {

    static final int SHARDS = 16;
    private static final String CHANNEL_COLUMNS = "channel_id, name, description, opening_hours, contact, picture, owner, created_at";

    private final Cql cql;
    private final PreparedStatement insertChannel;
    private final PreparedStatement updateChannel;
    private final PreparedStatement selectChannel;
    private final PreparedStatement putDirectory;
    private final PreparedStatement selectDirectory;
    private final PreparedStatement putStaff;
    private final PreparedStatement putStaffChannel;
    private final PreparedStatement deleteStaff;
    private final PreparedStatement deleteStaffChannel;
    private final PreparedStatement selectStaff;
    private final PreparedStatement selectStaffOf;
    private final PreparedStatement selectChannelsOfStaff;
    private final PreparedStatement putItem;
    private final PreparedStatement selectItem;
    private final PreparedStatement selectCatalogue;
    private final PreparedStatement putFollower;
    private final PreparedStatement putFollowed;
    private final PreparedStatement deleteFollower;
    private final PreparedStatement deleteFollowed;
    private final PreparedStatement selectFollower;
    private final PreparedStatement selectFollowers;
    private final PreparedStatement selectFollowed;
    private final PreparedStatement putConversation;
    private final PreparedStatement selectConversations;
    private final PreparedStatement putAnnouncement;
    private final PreparedStatement selectAnnouncements;

    CassandraChannelStore(Cql cql) {
        this.cql = cql;
        insertChannel = cql.prepare("INSERT INTO {ks}.channels (" + CHANNEL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        updateChannel = cql.prepare("UPDATE {ks}.channels SET name = ?, description = ?, opening_hours = ?, contact = ?, "
                + "picture = ? WHERE channel_id = ? IF EXISTS");
        selectChannel = cql.prepare("SELECT " + CHANNEL_COLUMNS + " FROM {ks}.channels WHERE channel_id = ?");
        putDirectory = cql.prepare("INSERT INTO {ks}.channel_directory (shard, channel_id, name) VALUES (?, ?, ?)");
        selectDirectory = cql.prepare("SELECT channel_id, name FROM {ks}.channel_directory WHERE shard = ?");
        putStaff = cql.prepare("INSERT INTO {ks}.channel_staff (channel_id, user_id, role, since) VALUES (?, ?, ?, ?)");
        putStaffChannel = cql.prepare("INSERT INTO {ks}.staff_channels (user_id, channel_id) VALUES (?, ?)");
        deleteStaff = cql.prepare("DELETE FROM {ks}.channel_staff WHERE channel_id = ? AND user_id = ?");
        deleteStaffChannel = cql.prepare("DELETE FROM {ks}.staff_channels WHERE user_id = ? AND channel_id = ?");
        selectStaff = cql.prepare("SELECT channel_id, user_id, role, since FROM {ks}.channel_staff WHERE channel_id = ? AND user_id = ?");
        selectStaffOf = cql.prepare("SELECT channel_id, user_id, role, since FROM {ks}.channel_staff WHERE channel_id = ?");
        selectChannelsOfStaff = cql.prepare("SELECT channel_id FROM {ks}.staff_channels WHERE user_id = ?");
        putItem = cql.prepare("INSERT INTO {ks}.catalogue (channel_id, item_id, kind, name, price, options, duration_minutes, "
                + "available) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        String itemColumns = "channel_id, item_id, kind, name, price, options, duration_minutes, available";
        selectItem = cql.prepare("SELECT " + itemColumns + " FROM {ks}.catalogue WHERE channel_id = ? AND item_id = ?");
        selectCatalogue = cql.prepare("SELECT " + itemColumns + " FROM {ks}.catalogue WHERE channel_id = ?");
        putFollower = cql.prepare("INSERT INTO {ks}.followers (channel_id, user_id) VALUES (?, ?)");
        putFollowed = cql.prepare("INSERT INTO {ks}.followed_channels (user_id, channel_id) VALUES (?, ?)");
        deleteFollower = cql.prepare("DELETE FROM {ks}.followers WHERE channel_id = ? AND user_id = ?");
        deleteFollowed = cql.prepare("DELETE FROM {ks}.followed_channels WHERE user_id = ? AND channel_id = ?");
        selectFollower = cql.prepare("SELECT user_id FROM {ks}.followers WHERE channel_id = ? AND user_id = ?");
        selectFollowers = cql.prepare("SELECT user_id FROM {ks}.followers WHERE channel_id = ?");
        selectFollowed = cql.prepare("SELECT channel_id FROM {ks}.followed_channels WHERE user_id = ?");
        putConversation = cql.prepare("INSERT INTO {ks}.conversations (channel_id, customer, room_id) VALUES (?, ?, ?)");
        selectConversations = cql.prepare("SELECT channel_id, customer, room_id FROM {ks}.conversations WHERE channel_id = ?");
        putAnnouncement = cql.prepare("INSERT INTO {ks}.announcements (channel_id, id, author, text) VALUES (?, ?, ?, ?)");
        selectAnnouncements = cql.prepare("SELECT channel_id, id, author, text FROM {ks}.announcements WHERE channel_id = ? LIMIT ?");
    }

    static int shard(ChannelId id) {
        return Math.floorMod(id.uuid().hashCode(), SHARDS);
    }

    @Override
    public void create(Channel ch) {
        requireNonNull(ch, "channel");
        Lwt.execute(cql, insertChannel.bind(ch.id().uuid(), ch.name(), ch.description(), ch.openingHours(), ch.contact(),
                ch.picture(), ch.owner().uuid(), ch.createdAt()));
        // After the claim, with the stored name: a repeat with other details must not rename the entry.
        channel(ch.id()).ifPresent(stored -> cql.execute(putDirectory.bind(shard(stored.id()), stored.id().uuid(), stored.name())));
    }

    @Override
    public void update(Channel ch) {
        requireNonNull(ch, "channel");
        if (Lwt.execute(cql, updateChannel.bind(ch.name(), ch.description(), ch.openingHours(), ch.contact(), ch.picture(),
                ch.id().uuid())).wasApplied()) {
            cql.execute(putDirectory.bind(shard(ch.id()), ch.id().uuid(), ch.name()));
        }
    }

    @Override
    public Optional<Channel> channel(ChannelId id) {
        Row row = cql.execute(selectChannel.bind(requireNonNull(id, "id").uuid())).one();
        if (row == null || row.isNull("name")) {
            return Optional.empty();
        }
        return Optional.of(new Channel(new ChannelId(row.getUuid("channel_id")), row.getString("name"),
                row.getString("description"), row.getString("opening_hours"), row.getString("contact"),
                row.getString("picture"), new UserId(row.getUuid("owner")), row.getInstant("created_at")));
    }

    @Override
    public List<Channel> search(String query, int limit) {
        requireNonNull(query, "query");
        if (limit < 1 || limit > MAX_SEARCH) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_SEARCH + ")");
        }
        String folded = query.toLowerCase(Locale.ROOT);
        List<Row> matches = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            for (Row row : cql.execute(selectDirectory.bind(shard))) {
                if (row.getString("name").toLowerCase(Locale.ROOT).contains(folded)) {
                    matches.add(row);
                }
            }
        }
        matches.sort(Comparator.comparing((Row row) -> row.getString("name").toLowerCase(Locale.ROOT))
                .thenComparing(row -> row.getUuid("channel_id").toString()));
        return matches.stream().limit(limit).map(row -> channel(new ChannelId(row.getUuid("channel_id"))))
                .flatMap(Optional::stream).toList();
    }

    @Override
    public void putStaff(Staff s) {
        requireNonNull(s, "staff");
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                putStaff.bind(s.channelId().uuid(), s.userId().uuid(), s.role().name(), s.since()),
                putStaffChannel.bind(s.userId().uuid(), s.channelId().uuid())));
    }

    @Override
    public boolean removeStaff(ChannelId channelId, UserId userId) {
        boolean was = staff(channelId, userId).isPresent();
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, deleteStaff.bind(channelId.uuid(), userId.uuid()),
                deleteStaffChannel.bind(userId.uuid(), channelId.uuid())));
        return was;
    }

    @Override
    public Optional<Staff> staff(ChannelId channelId, UserId userId) {
        Row row = cql.execute(selectStaff.bind(requireNonNull(channelId, "channelId").uuid(),
                requireNonNull(userId, "userId").uuid())).one();
        return row == null || row.isNull("role") ? Optional.empty() : Optional.of(staff(row));
    }

    @Override
    public List<Staff> staffOf(ChannelId channelId) {
        List<Staff> all = new ArrayList<>();
        cql.execute(selectStaffOf.bind(requireNonNull(channelId, "channelId").uuid())).forEach(row -> {
            if (!row.isNull("role")) {
                all.add(staff(row));
            }
        });
        return all;
    }

    private static Staff staff(Row row) {
        return new Staff(new ChannelId(row.getUuid("channel_id")), new UserId(row.getUuid("user_id")),
                StaffRole.valueOf(row.getString("role")), row.getInstant("since"));
    }

    @Override
    public List<ChannelId> channelsOfStaff(UserId userId) {
        List<ChannelId> ids = new ArrayList<>();
        cql.execute(selectChannelsOfStaff.bind(requireNonNull(userId, "userId").uuid()))
                .forEach(row -> ids.add(new ChannelId(row.getUuid("channel_id"))));
        return ids;
    }

    @Override
    public void putItem(CatalogueItem i) {
        requireNonNull(i, "item");
        cql.execute(putItem.bind(i.channelId().uuid(), i.id().uuid(), i.kind().name(), i.name(), i.price(),
                ChannelCodecs.strings(i.options()), i.durationMinutes(), i.available()));
    }

    @Override
    public Optional<CatalogueItem> item(ChannelId channelId, ItemId itemId) {
        Row row = cql.execute(selectItem.bind(requireNonNull(channelId, "channelId").uuid(),
                requireNonNull(itemId, "itemId").uuid())).one();
        return row == null || row.isNull("kind") ? Optional.empty() : Optional.of(item(row));
    }

    @Override
    public List<CatalogueItem> catalogue(ChannelId channelId) {
        List<CatalogueItem> items = new ArrayList<>();
        cql.execute(selectCatalogue.bind(requireNonNull(channelId, "channelId").uuid())).forEach(row -> items.add(item(row)));
        // Clustered by uuid (Cassandra's timeuuid-agnostic byte order); creation order is the UUIDv7 order.
        items.sort(Comparator.comparing(item -> item.id().uuid(), io.ieum.core.id.Ids::compare));
        return items;
    }

    private static CatalogueItem item(Row row) {
        return new CatalogueItem(new ItemId(row.getUuid("item_id")), new ChannelId(row.getUuid("channel_id")),
                ItemKind.valueOf(row.getString("kind")), row.getString("name"), row.getLong("price"),
                ChannelCodecs.strings(row.getString("options")), row.getInt("duration_minutes"), row.getBoolean("available"));
    }

    @Override
    public void follow(ChannelId channelId, UserId userId) {
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, putFollower.bind(channelId.uuid(), userId.uuid()),
                putFollowed.bind(userId.uuid(), channelId.uuid())));
    }

    @Override
    public boolean unfollow(ChannelId channelId, UserId userId) {
        boolean was = cql.execute(selectFollower.bind(channelId.uuid(), userId.uuid())).one() != null;
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, deleteFollower.bind(channelId.uuid(), userId.uuid()),
                deleteFollowed.bind(userId.uuid(), channelId.uuid())));
        return was;
    }

    @Override
    public List<UserId> followers(ChannelId channelId) {
        List<UserId> ids = new ArrayList<>();
        cql.execute(selectFollowers.bind(channelId.uuid())).forEach(row -> ids.add(new UserId(row.getUuid("user_id"))));
        return ids;
    }

    @Override
    public List<ChannelId> followedBy(UserId userId) {
        List<ChannelId> ids = new ArrayList<>();
        cql.execute(selectFollowed.bind(userId.uuid())).forEach(row -> ids.add(new ChannelId(row.getUuid("channel_id"))));
        return ids;
    }

    @Override
    public void putConversation(Conversation c) {
        requireNonNull(c, "conversation");
        cql.execute(putConversation.bind(c.channelId().uuid(), c.customer().uuid(), c.roomId().uuid()));
    }

    @Override
    public List<Conversation> conversations(ChannelId channelId) {
        List<Conversation> all = new ArrayList<>();
        cql.execute(selectConversations.bind(channelId.uuid())).forEach(row -> all.add(new Conversation(
                new ChannelId(row.getUuid("channel_id")), new UserId(row.getUuid("customer")), new RoomId(row.getUuid("room_id")))));
        return all;
    }

    @Override
    public void announce(Announcement a) {
        requireNonNull(a, "announcement");
        cql.execute(putAnnouncement.bind(a.channelId().uuid(), a.id().uuid(), a.author().uuid(), a.text()));
    }

    @Override
    public List<Announcement> announcements(ChannelId channelId, int limit) {
        StoreArguments.limit(limit);
        List<Announcement> all = new ArrayList<>();
        cql.execute(selectAnnouncements.bind(channelId.uuid(), limit)).forEach(row -> all.add(new Announcement(
                new ChannelId(row.getUuid("channel_id")), new MessageId(row.getUuid("id")), new UserId(row.getUuid("author")),
                row.getString("text"))));
        return all;
    }
}
