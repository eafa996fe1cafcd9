package io.ieum.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.service.Membership;

/**
 * {@link Membership}'s cache over a real SQLite room store: a change written by another node (here:
 * straight into the store) is seen once the cached snapshot is older than its time to live, and at
 * once after an invalidation; {@code cached} (the event loop's no-wait question) follows the same rule.
 * The TTL tests turn the background reload off; the last tests drive it by hand.
 */
class MembershipCacheTest extends SqliteStorageTestBase {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(2);

    private final SettableClock clock = new SettableClock(NOON);
    private final UserId mina = UserId.random();
    private final UserId joon = UserId.random();
    private Room room;
    private Membership membership;

    @BeforeEach
    void roomWithMina() {
        room = new Room(RoomId.random(), RoomKind.GROUP, "cake", mina, NOON);
        storage.rooms().create(room);
        storage.rooms().addMember(new Member(room.id(), mina, MemberRole.OWNER, NOON));
        membership = new Membership(storage.rooms(), clock, TTL, reloadsOff -> { });
    }

    @Test
    void cachedShouldKnowNothingUntilTheRoomWasLoaded() {
        assertThat(membership.cached(room.id())).isNull();

        membership.memberIds(room.id());

        assertThat(membership.cached(room.id()).members()).containsExactly(mina);
        assertThat(membership.cached(room.id()).room()).isEqualTo(room);
    }

    @Test
    void aChangeMadeElsewhereShouldBeSeenOnlyOnceTheSnapshotIsOlderThanItsTtl() {
        membership.memberIds(room.id());
        storage.rooms().addMember(new Member(room.id(), joon, MemberRole.MEMBER, NOON));

        clock.set(NOON.plus(TTL).minusMillis(1));
        assertThat(membership.memberIds(room.id())).containsExactly(mina);
        assertThat(membership.cached(room.id())).isNotNull();

        clock.set(NOON.plus(TTL));
        assertThat(membership.cached(room.id())).isNull();
        assertThat(membership.memberIds(room.id())).containsExactlyInAnyOrder(mina, joon);
        assertThat(membership.cached(room.id()).members()).containsExactlyInAnyOrder(mina, joon);
    }

    @Test
    void anInvalidatedRoomShouldBeReadAgainAtOnce() {
        membership.memberIds(room.id());
        storage.rooms().removeMember(room.id(), mina);

        membership.invalidate(room.id());

        assertThat(membership.cached(room.id())).isNull();
        assertThat(membership.memberIds(room.id())).isEmpty();
    }

    @Test
    void aSnapshotUsedPastHalfItsTtlShouldBeReloadedInTheBackgroundAndSoNotExpire() {
        Queue<Runnable> reloads = new ArrayDeque<>();
        Membership ahead = new Membership(storage.rooms(), clock, TTL, reloads::add);
        ahead.memberIds(room.id());
        storage.rooms().addMember(new Member(room.id(), joon, MemberRole.MEMBER, NOON));

        clock.set(NOON.plus(TTL.dividedBy(2)).minusMillis(1));
        ahead.cached(room.id());
        assertThat(reloads).isEmpty();

        clock.set(NOON.plus(TTL.dividedBy(2)));
        assertThat(ahead.cached(room.id()).members()).containsExactly(mina);
        assertThat(ahead.memberIds(room.id())).containsExactly(mina);
        assertThat(reloads).hasSize(1); // one reload per room at a time

        reloads.poll().run();
        clock.set(NOON.plus(TTL));

        assertThat(ahead.cached(room.id())).isNotNull();
        assertThat(ahead.cached(room.id()).members()).containsExactlyInAnyOrder(mina, joon);
    }

    @Test
    void aBackgroundReloadAskedBeforeAnInvalidationShouldNotUndoIt() {
        Queue<Runnable> reloads = new ArrayDeque<>();
        Membership ahead = new Membership(storage.rooms(), clock, TTL, reloads::add);
        ahead.memberIds(room.id());
        clock.set(NOON.plus(TTL.dividedBy(2)));
        ahead.cached(room.id());
        storage.rooms().removeMember(room.id(), mina);

        ahead.invalidate(room.id());
        reloads.poll().run();

        assertThat(ahead.cached(room.id())).isNull();
        assertThat(ahead.memberIds(room.id())).isEmpty();
    }

    @Test
    void aReloadTheRefresherCannotTakeShouldBeAskedAgainLater() {
        Queue<Runnable> reloads = new ArrayDeque<>();
        boolean[] full = {true};
        Membership ahead = new Membership(storage.rooms(), clock, TTL, task -> {
            if (full[0]) {
                throw new RejectedExecutionException("full");
            }
            reloads.add(task);
        });
        ahead.memberIds(room.id());
        clock.set(NOON.plus(TTL.dividedBy(2)));

        assertThat(ahead.cached(room.id())).isNotNull();
        full[0] = false;
        ahead.cached(room.id());

        assertThat(reloads).hasSize(1);
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
