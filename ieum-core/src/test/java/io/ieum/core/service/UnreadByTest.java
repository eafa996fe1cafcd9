package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.Ids;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;

class UnreadByTest {

    private final UserId sender = UserId.random();
    private final UserId reader1 = UserId.random();
    private final UserId reader2 = UserId.random();
    private final UserId reader3 = UserId.random();
    private final Set<UserId> members = Set.of(sender, reader1, reader2, reader3);
    private final MessageId earlier = new MessageId(Ids.timeOrderedAt(Instant.parse("2026-11-25T10:00:00Z")));
    private final MessageId message = new MessageId(Ids.timeOrderedAt(Instant.parse("2026-11-25T10:00:01Z")));
    private final MessageId later = new MessageId(Ids.timeOrderedAt(Instant.parse("2026-11-25T10:00:02Z")));
    private final Entry entry = Entry.message(RoomId.random(), message, sender, "hi", null, List.of());

    @Test
    void nobodyHavingReadShouldCountEveryoneButTheSender() {
        assertThat(MessageService.unreadBy(entry, members, Map.of())).isEqualTo(3);
    }

    @Test
    void readersAtOrPastTheMessageShouldNotCount() {
        Map<UserId, MessageId> positions = Map.of(reader1, message, reader2, later, reader3, earlier);
        assertThat(MessageService.unreadBy(entry, members, positions)).isEqualTo(1);
    }

    @Test
    void theSendersOwnPositionShouldNeverMatter() {
        assertThat(MessageService.unreadBy(entry, members, Map.of(sender, earlier))).isEqualTo(3);
    }
}
