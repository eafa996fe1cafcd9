package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.UserId;

class DirectRoomIdTest {

    @Test
    void directRoomIdShouldNotDependOnWhoAsks() {
        UserId a = UserId.random();
        UserId b = UserId.random();
        assertThat(RoomService.directRoomId(a, b)).isEqualTo(RoomService.directRoomId(b, a));
    }

    @Test
    void differentPairsShouldGetDifferentRooms() {
        UserId a = UserId.random();
        assertThat(RoomService.directRoomId(a, UserId.random())).isNotEqualTo(RoomService.directRoomId(a, UserId.random()));
    }
}
