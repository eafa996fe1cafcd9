package io.ieum.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.store.RoomStore;

/** The behaviour every {@link RoomStore} backend must show. */
public interface RoomStoreContract {

    RoomStore roomStore();

    static Room group(String name, UserId owner) {
        return new Room(RoomId.random(), RoomKind.GROUP, name, owner, Fixtures.NOON);
    }

    static Member member(RoomId room, UserId user) {
        return new Member(room, user, MemberRole.MEMBER, Fixtures.NOON.plusSeconds(60));
    }

    @Test
    default void createShouldStoreTheRoom() {
        Room room = group("Team", UserId.random());

        roomStore().create(room);

        assertThat(roomStore().room(room.id())).contains(room);
    }

    @Test
    default void createShouldStoreADirectRoomWithAnEmptyName() {
        Room direct = new Room(RoomId.random(), RoomKind.DIRECT, "", UserId.random(), Fixtures.NOON);

        roomStore().create(direct);

        assertThat(roomStore().room(direct.id())).contains(direct);
    }

    @Test
    default void createShouldLeaveTheStoredRoomUnchangedWhenTheIdExists() {
        Room room = group("Team", UserId.random());
        roomStore().create(room);

        roomStore().create(new Room(room.id(), RoomKind.GROUP, "Other name", UserId.random(), Fixtures.NOON.plusSeconds(5)));

        assertThat(roomStore().room(room.id())).contains(room);
    }

    @Test
    default void roomShouldBeEmptyForAnUnknownId() {
        assertThat(roomStore().room(RoomId.random())).isEmpty();
    }

    @Test
    default void addMemberShouldMakeTheUserAMemberSeenFromBothSides() {
        Room room = group("Team", UserId.random());
        roomStore().create(room);
        Member joon = member(room.id(), UserId.random());

        roomStore().addMember(joon);

        assertThat(roomStore().member(room.id(), joon.userId())).contains(joon);
        assertThat(roomStore().members(room.id())).containsExactly(joon);
        assertThat(roomStore().roomsOf(joon.userId())).containsExactly(room.id());
    }

    @Test
    default void addMemberShouldChangeNothingWhenTheMemberIsAddedAgain() {
        RoomId room = RoomId.random();
        Member joon = member(room, UserId.random());
        roomStore().addMember(joon);

        roomStore().addMember(joon);

        assertThat(roomStore().members(room)).containsExactly(joon);
        assertThat(roomStore().roomsOf(joon.userId())).containsExactly(room);
    }

    @Test
    default void addMemberShouldReAddAMemberWhoWasRemoved() {
        RoomId room = RoomId.random();
        Member joon = member(room, UserId.random());
        roomStore().addMember(joon);
        roomStore().removeMember(room, joon.userId());
        Member again = new Member(room, joon.userId(), MemberRole.MEMBER, Fixtures.NOON.plusSeconds(3600));

        roomStore().addMember(again);

        assertThat(roomStore().member(room, joon.userId())).contains(again);
    }

    @Test
    default void membersShouldListEveryMemberOfTheRoomOnly() {
        RoomId team = RoomId.random();
        UserId ownerId = UserId.random();
        Member owner = new Member(team, ownerId, MemberRole.OWNER, Fixtures.NOON);
        Member joon = member(team, UserId.random());
        Member sora = member(team, UserId.random());
        roomStore().addMember(owner);
        roomStore().addMember(joon);
        roomStore().addMember(sora);
        roomStore().addMember(member(RoomId.random(), ownerId));

        assertThat(roomStore().members(team)).containsExactlyInAnyOrder(owner, joon, sora);
    }

    @Test
    default void roomsOfShouldListEveryRoomOfTheUser() {
        UserId mina = UserId.random();
        RoomId first = RoomId.random();
        RoomId second = RoomId.random();
        roomStore().addMember(member(first, mina));
        roomStore().addMember(member(second, mina));
        roomStore().addMember(member(RoomId.random(), UserId.random()));

        assertThat(roomStore().roomsOf(mina)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    default void removeMemberShouldRemoveTheMembershipFromBothSides() {
        RoomId room = RoomId.random();
        Member joon = member(room, UserId.random());
        Member sora = member(room, UserId.random());
        roomStore().addMember(joon);
        roomStore().addMember(sora);

        assertThat(roomStore().removeMember(room, joon.userId())).isTrue();

        assertThat(roomStore().member(room, joon.userId())).isEmpty();
        assertThat(roomStore().members(room)).containsExactly(sora);
        assertThat(roomStore().roomsOf(joon.userId())).isEmpty();
    }

    @Test
    default void removeMemberShouldReturnFalseForANonMember() {
        assertThat(roomStore().removeMember(RoomId.random(), UserId.random())).isFalse();
    }

    @Test
    default void memberShouldBeEmptyForANonMember() {
        assertThat(roomStore().member(RoomId.random(), UserId.random())).isEmpty();
        assertThat(roomStore().members(RoomId.random())).isEmpty();
        assertThat(roomStore().roomsOf(UserId.random())).isEmpty();
    }
}
