package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Staff;
import io.ieum.core.channel.StaffRole;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelStore;

/** Who may act for a channel: every check of the channel services goes through here. */
public final class ChannelAccess {

    private final ChannelStore channels;

    public ChannelAccess(ChannelStore channels) {
        this.channels = requireNonNull(channels, "channels");
    }

    public Channel channel(ChannelId id) {
        return channels.channel(id)
                .orElseThrow(() -> IeumException.notFound("channelId: " + id + " (expected: an existing channel)"));
    }

    /** The caller's staff record; 403 for anyone else, staff of other channels included. */
    public Staff requireStaff(ChannelId id, UserId user) {
        channel(id);
        return channels.staff(id, user)
                .orElseThrow(() -> IeumException.forbidden("channelId: " + id + " (expected: a channel you work for)"));
    }

    public Channel requireOwner(ChannelId id, UserId user) {
        Channel channel = channel(id);
        if (requireStaff(id, user).role() != StaffRole.OWNER) {
            throw IeumException.forbidden("channelId: " + id + " (expected: a channel you own)");
        }
        return channel;
    }

    public boolean isStaff(ChannelId id, UserId user) {
        return channels.staff(id, user).isPresent();
    }
}
