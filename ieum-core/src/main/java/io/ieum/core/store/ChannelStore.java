package io.ieum.core.store;

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

/**
 * Channels and what hangs off them: staff, catalogue, followers, customer conversations and
 * announcements. Every write is an idempotent upsert or delete, safe to retry on any site.
 */
public interface ChannelStore {

    /** The most channels {@link #search} returns. */
    int MAX_SEARCH = 100;

    /** Stores a new channel; an existing ID leaves the stored channel unchanged. */
    void create(Channel channel);

    /** Replaces name, description, hours, contact and picture of an existing channel; no effect for an unknown ID. */
    void update(Channel channel);

    Optional<Channel> channel(ChannelId id);

    /** Channels whose name contains {@code query} ignoring case, by name, at most {@code limit} (1..{@link #MAX_SEARCH}). */
    List<Channel> search(String query, int limit);

    /** Adds a staff member or changes their role. */
    void putStaff(Staff staff);

    boolean removeStaff(ChannelId channelId, UserId userId);

    Optional<Staff> staff(ChannelId channelId, UserId userId);

    List<Staff> staffOf(ChannelId channelId);

    /** The channels the user works for, in no particular order. */
    List<ChannelId> channelsOfStaff(UserId userId);

    /** Adds or replaces a catalogue item (items are withdrawn, never deleted). */
    void putItem(CatalogueItem item);

    Optional<CatalogueItem> item(ChannelId channelId, ItemId itemId);

    /** The whole catalogue, withdrawn items included, in item ID order (creation order). */
    List<CatalogueItem> catalogue(ChannelId channelId);

    void follow(ChannelId channelId, UserId userId);

    boolean unfollow(ChannelId channelId, UserId userId);

    List<UserId> followers(ChannelId channelId);

    /** The channels the user follows, in no particular order. */
    List<ChannelId> followedBy(UserId userId);

    /** Records a customer's conversation room; recording it again changes nothing. */
    void putConversation(Conversation conversation);

    /** Every customer conversation of the channel, in no particular order. */
    List<Conversation> conversations(ChannelId channelId);

    /** Stores an announcement; storing the same ID again changes nothing. */
    void announce(Announcement announcement);

    /** Up to {@code limit} announcements (1..{@link TimelineStore#MAX_LIMIT}), newest first. */
    List<Announcement> announcements(ChannelId channelId, int limit);
}
