package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.Announcement;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Conversation;
import io.ieum.core.channel.Staff;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.StoreArguments;

final class SqliteChannelStore implements ChannelStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final ChannelDao channels = new ChannelDao();
    private final StaffDao staff = new StaffDao();
    private final CatalogueDao catalogue = new CatalogueDao();
    private final FollowerDao followers = new FollowerDao();
    private final ConversationDao conversations = new ConversationDao();
    private final AnnouncementDao announcements = new AnnouncementDao();

    SqliteChannelStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void create(Channel channel) {
        requireNonNull(channel, "channel");
        writer.call(c -> {
            channels.insertIfAbsent(c, channel);
            return null;
        });
    }

    @Override
    public void update(Channel channel) {
        requireNonNull(channel, "channel");
        writer.call(c -> {
            channels.update(c, channel);
            return null;
        });
    }

    @Override
    public Optional<Channel> channel(ChannelId id) {
        requireNonNull(id, "id");
        return reads.read(c -> channels.get(c, id));
    }

    @Override
    public List<Channel> search(String query, int limit) {
        requireNonNull(query, "query");
        if (limit < 1 || limit > MAX_SEARCH) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_SEARCH + ")");
        }
        return reads.read(c -> channels.search(c, query, limit));
    }

    @Override
    public void putStaff(Staff member) {
        requireNonNull(member, "staff");
        writer.call(c -> {
            staff.put(c, member);
            return null;
        });
    }

    @Override
    public boolean removeStaff(ChannelId channelId, UserId userId) {
        requireNonNull(channelId, "channelId");
        requireNonNull(userId, "userId");
        return writer.call(c -> staff.delete(c, channelId, userId));
    }

    @Override
    public Optional<Staff> staff(ChannelId channelId, UserId userId) {
        requireNonNull(channelId, "channelId");
        requireNonNull(userId, "userId");
        return reads.read(c -> staff.get(c, channelId, userId));
    }

    @Override
    public List<Staff> staffOf(ChannelId channelId) {
        requireNonNull(channelId, "channelId");
        return reads.read(c -> staff.of(c, channelId));
    }

    @Override
    public List<ChannelId> channelsOfStaff(UserId userId) {
        requireNonNull(userId, "userId");
        return reads.read(c -> staff.channelsOf(c, userId));
    }

    @Override
    public void putItem(CatalogueItem item) {
        requireNonNull(item, "item");
        writer.call(c -> {
            catalogue.put(c, item);
            return null;
        });
    }

    @Override
    public Optional<CatalogueItem> item(ChannelId channelId, ItemId itemId) {
        requireNonNull(channelId, "channelId");
        requireNonNull(itemId, "itemId");
        return reads.read(c -> catalogue.get(c, channelId, itemId));
    }

    @Override
    public List<CatalogueItem> catalogue(ChannelId channelId) {
        requireNonNull(channelId, "channelId");
        return reads.read(c -> catalogue.of(c, channelId));
    }

    @Override
    public void follow(ChannelId channelId, UserId userId) {
        requireNonNull(channelId, "channelId");
        requireNonNull(userId, "userId");
        writer.call(c -> {
            followers.follow(c, channelId, userId);
            return null;
        });
    }

    @Override
    public boolean unfollow(ChannelId channelId, UserId userId) {
        requireNonNull(channelId, "channelId");
        requireNonNull(userId, "userId");
        return writer.call(c -> followers.unfollow(c, channelId, userId));
    }

    @Override
    public List<UserId> followers(ChannelId channelId) {
        requireNonNull(channelId, "channelId");
        return reads.read(c -> followers.followers(c, channelId));
    }

    @Override
    public List<ChannelId> followedBy(UserId userId) {
        requireNonNull(userId, "userId");
        return reads.read(c -> followers.followedBy(c, userId));
    }

    @Override
    public void putConversation(Conversation conversation) {
        requireNonNull(conversation, "conversation");
        writer.call(c -> {
            conversations.put(c, conversation);
            return null;
        });
    }

    @Override
    public List<Conversation> conversations(ChannelId channelId) {
        requireNonNull(channelId, "channelId");
        return reads.read(c -> conversations.of(c, channelId));
    }

    @Override
    public void announce(Announcement announcement) {
        requireNonNull(announcement, "announcement");
        writer.call(c -> {
            announcements.insertIfAbsent(c, announcement);
            return null;
        });
    }

    @Override
    public List<Announcement> announcements(ChannelId channelId, int limit) {
        requireNonNull(channelId, "channelId");
        StoreArguments.limit(limit);
        return reads.read(c -> announcements.newest(c, channelId, limit));
    }
}
