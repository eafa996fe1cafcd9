package io.ieum.core.store.contract;

import static io.ieum.core.store.contract.ChannelFixtures.channel;
import static io.ieum.core.store.contract.ChannelFixtures.product;
import static io.ieum.core.store.contract.ChannelFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Announcement;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Conversation;
import io.ieum.core.channel.Staff;
import io.ieum.core.channel.StaffRole;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelStore;

/** The behaviour every {@link ChannelStore} backend must show. */
public interface ChannelStoreContract {

    ChannelStore channelStore();

    @Test
    default void createShouldStoreTheChannelAndKeepTheFirstOnARepeat() {
        UserId owner = UserId.random();
        Channel cake = channel("Mina's Cakes", owner);
        channelStore().create(cake);

        channelStore().create(cake.withDetails("Other", "", "", "", null));

        assertThat(channelStore().channel(cake.id())).contains(cake);
        assertThat(channelStore().channel(ChannelId.random())).isEmpty();
    }

    @Test
    default void updateShouldReplaceTheDetailsAndIgnoreAnUnknownChannel() {
        Channel cake = channel("Mina's Cakes", UserId.random());
        channelStore().create(cake);
        Channel changed = cake.withDetails("미나 케이크", "케이크 전문", "10-20", "010", Fixtures.SHA_A);

        channelStore().update(changed);
        Channel ghost = channel("Ghost", UserId.random());
        channelStore().update(ghost);

        assertThat(channelStore().channel(cake.id())).contains(changed);
        assertThat(channelStore().channel(ghost.id())).isEmpty();
    }

    @Test
    default void searchShouldFindNamesContainingTheQueryIgnoringCase() {
        Channel cakes = channel("Mina's CAKES", UserId.random());
        Channel bakery = channel("Cake & Bread", UserId.random());
        Channel salon = channel("헤어 살롱", UserId.random());
        List.of(cakes, bakery, salon).forEach(channelStore()::create);

        assertThat(channelStore().search("cake", 10)).containsExactly(bakery, cakes);
        assertThat(channelStore().search("살롱", 10)).containsExactly(salon);
        assertThat(channelStore().search("cake", 1)).hasSize(1);
        assertThat(channelStore().search("pizza", 10)).isEmpty();
    }

    @Test
    default void staffShouldBeListedBothWaysAndRemovable() {
        Channel cake = channel("Cakes", UserId.random());
        channelStore().create(cake);
        Staff owner = new Staff(cake.id(), cake.owner(), StaffRole.OWNER, Fixtures.now());
        Staff joon = new Staff(cake.id(), UserId.random(), StaffRole.STAFF, Fixtures.now());
        channelStore().putStaff(owner);
        channelStore().putStaff(joon);
        channelStore().putStaff(joon);

        assertThat(channelStore().staffOf(cake.id())).containsExactlyInAnyOrder(owner, joon);
        assertThat(channelStore().staff(cake.id(), joon.userId())).contains(joon);
        assertThat(channelStore().channelsOfStaff(joon.userId())).containsExactly(cake.id());

        assertThat(channelStore().removeStaff(cake.id(), joon.userId())).isTrue();
        assertThat(channelStore().removeStaff(cake.id(), joon.userId())).isFalse();
        assertThat(channelStore().staff(cake.id(), joon.userId())).isEmpty();
        assertThat(channelStore().channelsOfStaff(joon.userId())).isEmpty();
    }

    @Test
    default void catalogueShouldListItemsInCreationOrderAndReplaceOnPut() {
        ChannelId id = ChannelId.random();
        CatalogueItem cake = product(id, "딸기 케이크", 32_000, "초코 글씨", "초 5개");
        CatalogueItem cut = service(id, "Haircut", 50);
        channelStore().putItem(cake);
        channelStore().putItem(cut);
        CatalogueItem withdrawn = cake.withAvailable(false);

        channelStore().putItem(withdrawn);

        assertThat(channelStore().catalogue(id)).containsExactly(withdrawn, cut);
        assertThat(channelStore().item(id, cut.id())).contains(cut);
        assertThat(channelStore().item(ChannelId.random(), cut.id())).isEmpty();
    }

    @Test
    default void followShouldBeIdempotentAndVisibleFromBothSides() {
        ChannelId id = ChannelId.random();
        UserId sora = UserId.random();
        channelStore().follow(id, sora);
        channelStore().follow(id, sora);

        assertThat(channelStore().followers(id)).containsExactly(sora);
        assertThat(channelStore().followedBy(sora)).containsExactly(id);
        assertThat(channelStore().unfollow(id, sora)).isTrue();
        assertThat(channelStore().unfollow(id, sora)).isFalse();
        assertThat(channelStore().followers(id)).isEmpty();
        assertThat(channelStore().followedBy(sora)).isEmpty();
    }

    @Test
    default void conversationsShouldBeRecordedOncePerCustomer() {
        ChannelId id = ChannelId.random();
        Conversation sora = new Conversation(id, UserId.random(), RoomId.random());
        Conversation dae = new Conversation(id, UserId.random(), RoomId.random());
        channelStore().putConversation(sora);
        channelStore().putConversation(sora);
        channelStore().putConversation(dae);

        assertThat(channelStore().conversations(id)).containsExactlyInAnyOrder(sora, dae);
        assertThat(channelStore().conversations(ChannelId.random())).isEmpty();
    }

    @Test
    default void announcementsShouldComeNewestFirstOnce() {
        ChannelId id = ChannelId.random();
        Announcement first = new Announcement(id, Fixtures.idAt(Fixtures.NOON), UserId.random(), "Closed on Monday");
        Announcement second = new Announcement(id, Fixtures.idAt(Fixtures.NOON.plusSeconds(60)), UserId.random(), "새 메뉴!");
        channelStore().announce(first);
        channelStore().announce(second);
        channelStore().announce(first);

        assertThat(channelStore().announcements(id, 10)).containsExactly(second, first);
        assertThat(channelStore().announcements(id, 1)).containsExactly(second);
    }
}
