package io.ieum.core.store.contract;

import static io.ieum.core.store.contract.Fixtures.NOON;
import static io.ieum.core.store.contract.Fixtures.idAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ReadStore;

/** The behaviour every {@link ReadStore} backend must show. */
public interface ReadStoreContract {

    ReadStore readStore();

    RoomId ROOM = RoomId.random();
    UserId MINA = UserId.random();
    UserId JOON = UserId.random();

    static void await(CompletableFuture<Void> future) {
        TimelineStoreContract.await(future);
    }

    @Test
    default void advanceShouldStoreThePosition() {
        MessageId upTo = idAt(NOON);

        await(readStore().advance(ROOM, MINA, upTo));

        assertThat(readStore().position(ROOM, MINA)).contains(upTo);
    }

    @Test
    default void advanceShouldMoveThePositionForward() {
        MessageId first = idAt(NOON);
        MessageId later = idAt(NOON.plusSeconds(86_400));
        await(readStore().advance(ROOM, MINA, first));

        await(readStore().advance(ROOM, MINA, later));

        assertThat(readStore().position(ROOM, MINA)).contains(later);
    }

    @Test
    default void advancingBackwardsShouldKeepTheNewerPosition() {
        MessageId newer = idAt(NOON.plusSeconds(60));
        MessageId older = idAt(NOON);
        await(readStore().advance(ROOM, MINA, newer));

        await(readStore().advance(ROOM, MINA, older));

        assertThat(readStore().position(ROOM, MINA)).contains(newer);
    }

    @Test
    default void advancingToTheSamePositionAgainShouldChangeNothing() {
        MessageId upTo = idAt(NOON);
        await(readStore().advance(ROOM, MINA, upTo));

        await(readStore().advance(ROOM, MINA, upTo));

        assertThat(readStore().position(ROOM, MINA)).contains(upTo);
    }

    @Test
    default void positionShouldBeEmptyForAMemberWhoNeverRead() {
        assertThat(readStore().position(ROOM, UserId.random())).isEmpty();
        assertThat(readStore().positions(RoomId.random())).isEmpty();
    }

    @Test
    default void positionsShouldMapEveryReaderOfTheRoomOnly() {
        MessageId minaUpTo = idAt(NOON);
        MessageId joonUpTo = idAt(NOON.plusSeconds(5));
        await(readStore().advance(ROOM, MINA, minaUpTo));
        await(readStore().advance(ROOM, JOON, joonUpTo));
        await(readStore().advance(RoomId.random(), MINA, idAt(NOON.plusSeconds(9))));

        assertThat(readStore().positions(ROOM)).isEqualTo(Map.of(MINA, minaUpTo, JOON, joonUpTo));
    }

    @Test
    default void concurrentAdvancesShouldEndAtTheNewestPositionWhateverTheirOrder() throws Exception {
        RoomId room = RoomId.random();
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(idAt(NOON.plusMillis(i * 1_000L)));
        }
        MessageId newest = Collections.max(ids);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<MessageId> mine = new ArrayList<>(ids);
                Collections.shuffle(mine);
                workers.add(pool.submit(() -> {
                    start.await();
                    List<CompletableFuture<Void>> done = new ArrayList<>();
                    for (MessageId id : mine) {
                        done.add(readStore().advance(room, MINA, id));
                    }
                    done.forEach(ReadStoreContract::await);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(readStore().position(room, MINA)).contains(newest);
    }
}
