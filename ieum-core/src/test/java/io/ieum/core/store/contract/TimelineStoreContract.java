package io.ieum.core.store.contract;

import static io.ieum.core.store.contract.Fixtures.NOON;
import static io.ieum.core.store.contract.Fixtures.idAt;
import static io.ieum.core.store.contract.Fixtures.message;
import static io.ieum.core.store.contract.Fixtures.messageAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.store.TimeBuckets;
import io.ieum.core.store.TimelineStore;

/** The behaviour every {@link TimelineStore} backend must show. */
public interface TimelineStoreContract {

    TimelineStore timelineStore();

    RoomId ROOM = RoomId.random();
    UserId MINA = UserId.random();
    UserId JOON = UserId.random();

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete normally", e);
        }
    }

    /** Appends one message at each of {@code instants}; returns them oldest first. */
    default List<Entry> appendAt(List<Instant> instants) {
        List<Entry> entries = new ArrayList<>();
        for (Instant at : instants) {
            Entry entry = messageAt(ROOM, at, MINA, "at " + at);
            assertThat(await(timelineStore().append(entry))).isEqualTo(AppendResult.STORED);
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(Entry::id));
        return entries;
    }

    /** Three messages on each of five days (with an empty day in between): fifteen entries over several buckets. */
    static List<Instant> severalDays() {
        List<Instant> instants = new ArrayList<>();
        for (int day : new int[] {0, 1, 2, 4, 5}) {
            for (int hour : new int[] {1, 9, 23}) {
                instants.add(NOON.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                        .plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plusMillis(hour * 7L));
            }
        }
        Collections.shuffle(instants);
        return instants;
    }

    static List<Entry> newestFirst(List<Entry> entries) {
        List<Entry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        return reversed;
    }

    // --- append and get

    @Test
    default void appendShouldStoreANewEntryReadableByGet() {
        Entry entry = message(ROOM, MessageId.generate(), MINA, "hello");

        assertThat(await(timelineStore().append(entry))).isEqualTo(AppendResult.STORED);

        assertThat(timelineStore().get(ROOM, entry.id())).contains(entry);
    }

    @Test
    default void appendShouldBeIdempotentWhenRetriedWithSameId() {
        Entry entry = message(ROOM, MessageId.generate(), MINA, "hello");
        await(timelineStore().append(entry));

        assertThat(await(timelineStore().append(entry))).isEqualTo(AppendResult.DUPLICATE);

        assertThat(timelineStore().before(ROOM, null, 10)).containsExactly(entry);
    }

    @Test
    default void appendShouldNeverOverwriteWhenTheSameIdArrivesWithDifferentContent() {
        Entry original = message(ROOM, MessageId.generate(), MINA, "hello");
        await(timelineStore().append(original));

        Entry clash = new Entry(ROOM, original.id(), JOON, EntryKind.MESSAGE, "something else", null,
                List.of(Fixtures.photo("x.jpg")), null, false);
        assertThat(await(timelineStore().append(clash))).isEqualTo(AppendResult.DUPLICATE);

        assertThat(timelineStore().get(ROOM, original.id())).contains(original);
    }

    @Test
    default void theSameIdInTwoRoomsShouldBeTwoEntries() {
        MessageId id = MessageId.generate();
        RoomId other = RoomId.random();
        Entry here = message(ROOM, id, MINA, "here");
        Entry there = message(other, id, MINA, "there");

        assertThat(await(timelineStore().append(here))).isEqualTo(AppendResult.STORED);
        assertThat(await(timelineStore().append(there))).isEqualTo(AppendResult.STORED);

        assertThat(timelineStore().get(ROOM, id)).contains(here);
        assertThat(timelineStore().get(other, id)).contains(there);
    }

    @Test
    default void getShouldBeEmptyForAnUnknownEntry() {
        assertThat(timelineStore().get(ROOM, MessageId.generate())).isEmpty();
    }

    @Test
    default void attachmentsShouldRoundTripWhateverCharactersTheirNamesHold() {
        List<Attachment> attachments = List.of(
                new Attachment(Fixtures.SHA_A, "photo, 1; \"best\" %20 + 'x' \\ / 사진 🎉.jpg", "image/jpeg", 0),
                new Attachment(Fixtures.SHA_B, "line\nbreak\ttab|pipe=eq&amp:colon[]{}", "application/pdf", Long.MAX_VALUE),
                new Attachment(Fixtures.SHA_A, "plain.txt", "text/plain; charset=utf-8", 42));
        Entry entry = Entry.message(ROOM, MessageId.generate(), MINA, "see attached", null, attachments);

        await(timelineStore().append(entry));

        assertThat(timelineStore().get(ROOM, entry.id()).orElseThrow().attachments()).isEqualTo(attachments);
        assertThat(timelineStore().before(ROOM, null, 1)).containsExactly(entry);
    }

    @Test
    default void repliesAndEventsShouldRoundTrip() {
        Entry original = message(ROOM, MessageId.generate(), MINA, "question?");
        Entry reply = Entry.message(ROOM, MessageId.generate(), JOON, "answer", original.id(), List.of());
        Entry joined = Entry.event(ROOM, MessageId.generate(), MINA, EntryKind.MEMBER_JOINED, JOON.toString());
        Entry created = Entry.event(ROOM, MessageId.generate(), MINA, EntryKind.ROOM_CREATED, null);

        for (Entry entry : List.of(original, reply, joined, created)) {
            await(timelineStore().append(entry));
        }

        assertThat(timelineStore().get(ROOM, reply.id())).contains(reply);
        assertThat(timelineStore().get(ROOM, joined.id())).contains(joined);
        assertThat(timelineStore().get(ROOM, created.id())).contains(created);
        assertThat(timelineStore().get(ROOM, original.id())).contains(original);
    }

    @Test
    default void textShouldRoundTripExactly() {
        String text = "  leading and trailing  \n multi-line 안녕하세요 👋🏽 ' \" \\ ";
        Entry entry = message(ROOM, MessageId.generate(), MINA, text);

        await(timelineStore().append(entry));

        assertThat(timelineStore().get(ROOM, entry.id()).orElseThrow().text()).isEqualTo(text);
    }

    @Test
    default void appendShouldStoreEachOfManyConcurrentRetriesExactlyOnce() throws Exception {
        RoomId room = RoomId.random();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(message(room, MessageId.generate(), MINA, "message " + i));
        }
        ConcurrentMap<MessageId, AtomicInteger> stored = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Entry> mine = new ArrayList<>(entries);
                Collections.shuffle(mine);
                workers.add(pool.submit(() -> {
                    start.await();
                    List<CompletableFuture<AppendResult>> results = new ArrayList<>();
                    for (Entry entry : mine) {
                        results.add(timelineStore().append(entry).whenComplete((result, error) -> {
                            if (result == AppendResult.STORED) {
                                stored.computeIfAbsent(entry.id(), id -> new AtomicInteger()).incrementAndGet();
                            } else if (result == AppendResult.DUPLICATE) {
                                duplicates.incrementAndGet();
                            }
                        }));
                    }
                    results.forEach(TimelineStoreContract::await);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored).hasSize(500);
        assertThat(stored.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(duplicates.get()).isEqualTo(500 * (threads - 1));
        assertThat(timelineStore().before(room, null, TimelineStore.MAX_LIMIT)).hasSize(500);
    }

    // --- before, after, latest

    @Test
    default void beforeWithoutCursorShouldReturnTheNewestEntriesNewestFirst() {
        List<Entry> entries = appendAt(severalDays());

        assertThat(timelineStore().before(ROOM, null, 4)).containsExactlyElementsOf(newestFirst(entries).subList(0, 4));
    }

    @Test
    default void beforeShouldPageBackwardsAcrossTimeBucketsWithoutGapsOrRepeats() {
        List<Entry> entries = appendAt(severalDays());
        assertThat(entries.stream().map(e -> TimeBuckets.bucketOf(e.id())).distinct()).hasSize(5);

        List<Entry> paged = new ArrayList<>();
        MessageId cursor = null;
        for (int page = 0; page < 10; page++) {
            List<Entry> got = timelineStore().before(ROOM, cursor, 4);
            assertThat(got).hasSizeLessThanOrEqualTo(4);
            if (got.isEmpty()) {
                break;
            }
            paged.addAll(got);
            cursor = got.get(got.size() - 1).id();
        }

        assertThat(paged).containsExactlyElementsOf(newestFirst(entries));
    }

    @Test
    default void beforeShouldExcludeTheCursorEntry() {
        List<Entry> entries = appendAt(severalDays());
        Entry cursor = entries.get(7);

        assertThat(timelineStore().before(ROOM, cursor.id(), 3))
                .containsExactly(entries.get(6), entries.get(5), entries.get(4));
    }

    @Test
    default void beforeShouldAcceptACursorThatIsNotAnEntry() {
        List<Entry> entries = appendAt(severalDays());
        MessageId between = MessageId.lowestAt(entries.get(3).id().createdAt());

        assertThat(timelineStore().before(ROOM, between, 100))
                .containsExactly(entries.get(2), entries.get(1), entries.get(0));
    }

    @Test
    default void beforeShouldReturnOnlyTheRoomsEntries() {
        Entry mine = message(ROOM, MessageId.generate(), MINA, "mine");
        await(timelineStore().append(mine));
        await(timelineStore().append(message(RoomId.random(), MessageId.generate(), MINA, "elsewhere")));

        assertThat(timelineStore().before(ROOM, null, 10)).containsExactly(mine);
    }

    @Test
    default void beforeAndAfterShouldBeEmptyForAnEmptyRoom() {
        assertThat(timelineStore().before(RoomId.random(), null, 10)).isEmpty();
        assertThat(timelineStore().after(RoomId.random(), MessageId.generate(), 10)).isEmpty();
    }

    @Test
    default void afterShouldReturnNewerEntriesOldestFirstExcludingTheCursor() {
        List<Entry> entries = appendAt(severalDays());

        assertThat(timelineStore().after(ROOM, entries.get(1).id(), 100))
                .containsExactlyElementsOf(entries.subList(2, entries.size()));
    }

    @Test
    default void afterShouldPageForwardsAcrossTimeBuckets() {
        List<Entry> entries = appendAt(severalDays());

        List<Entry> paged = new ArrayList<>();
        MessageId cursor = MessageId.lowestAt(entries.get(0).id().createdAt().minusSeconds(3 * 86_400));
        for (int page = 0; page < 10; page++) {
            List<Entry> got = timelineStore().after(ROOM, cursor, 4);
            assertThat(got).hasSizeLessThanOrEqualTo(4);
            if (got.isEmpty()) {
                break;
            }
            paged.addAll(got);
            cursor = got.get(got.size() - 1).id();
        }

        assertThat(paged).containsExactlyElementsOf(entries);
    }

    @Test
    default void afterTheNewestEntryShouldBeEmpty() {
        List<Entry> entries = appendAt(severalDays());

        assertThat(timelineStore().after(ROOM, entries.get(entries.size() - 1).id(), 10)).isEmpty();
    }

    @Test
    default void latestShouldReturnTheNewestEntry() {
        List<Entry> entries = appendAt(severalDays());

        assertThat(timelineStore().latest(ROOM)).contains(entries.get(entries.size() - 1));
    }

    @Test
    default void latestShouldBeEmptyForAnEmptyRoom() {
        assertThat(timelineStore().latest(RoomId.random())).isEmpty();
    }

    @Test
    default void pagingShouldRefuseALimitOutOfRange() {
        MessageId cursor = MessageId.generate();

        assertThatThrownBy(() -> timelineStore().before(ROOM, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit: 0 (expected: 1..1000)");
        assertThatThrownBy(() -> timelineStore().before(ROOM, cursor, 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit: 1001 (expected: 1..1000)");
        assertThatThrownBy(() -> timelineStore().after(ROOM, cursor, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit: -1 (expected: 1..1000)");
    }

    // --- delete

    @Test
    default void deleteShouldEraseTextAndAttachmentsAndAppendTheDeletionEvent() {
        Entry photo = Entry.message(ROOM, MessageId.generate(), MINA, "look", null, List.of(Fixtures.photo("a.jpg")));
        await(timelineStore().append(photo));
        Entry event = Fixtures.deletionEvent(ROOM, photo.id(), MINA);

        await(timelineStore().delete(ROOM, photo.id(), event));

        assertThat(timelineStore().get(ROOM, photo.id())).contains(photo.asDeleted());
        assertThat(timelineStore().get(ROOM, event.id())).contains(event);
        assertThat(timelineStore().before(ROOM, null, 10)).containsExactly(event, photo.asDeleted());
    }

    @Test
    default void deleteShouldBeIdempotentWhenRepeated() {
        Entry text = message(ROOM, MessageId.generate(), MINA, "oops");
        await(timelineStore().append(text));
        Entry event = Fixtures.deletionEvent(ROOM, text.id(), MINA);

        await(timelineStore().delete(ROOM, text.id(), event));
        await(timelineStore().delete(ROOM, text.id(), event));

        assertThat(timelineStore().before(ROOM, null, 10)).containsExactly(event, text.asDeleted());
    }

    @Test
    default void aRetriedAppendAfterDeleteShouldNotBringTheTextBack() {
        Entry text = message(ROOM, MessageId.generate(), MINA, "oops");
        await(timelineStore().append(text));
        await(timelineStore().delete(ROOM, text.id(), Fixtures.deletionEvent(ROOM, text.id(), MINA)));

        assertThat(await(timelineStore().append(text))).isEqualTo(AppendResult.DUPLICATE);

        assertThat(timelineStore().get(ROOM, text.id())).contains(text.asDeleted());
    }

    @Test
    default void deleteShouldLeaveOtherMessagesUntouched() {
        Entry kept = message(ROOM, MessageId.generate(), MINA, "keep me");
        Entry gone = message(ROOM, MessageId.generate(), MINA, "delete me");
        await(timelineStore().append(kept));
        await(timelineStore().append(gone));

        await(timelineStore().delete(ROOM, gone.id(), Fixtures.deletionEvent(ROOM, gone.id(), MINA)));

        assertThat(timelineStore().get(ROOM, kept.id())).contains(kept);
    }

    // --- countUnread

    @Test
    default void countUnreadShouldCountOthersMessagesNewerThanTheCursor() {
        Entry read = messageAt(ROOM, NOON, JOON, "read");
        Entry unread1 = messageAt(ROOM, NOON.plusSeconds(60), JOON, "unread 1");
        Entry unread2 = messageAt(ROOM, NOON.plusSeconds(86_400 * 2), JOON, "unread 2 on another day");
        for (Entry entry : List.of(read, unread1, unread2)) {
            await(timelineStore().append(entry));
        }

        assertThat(timelineStore().countUnread(ROOM, read.id(), MINA, 100)).isEqualTo(2);
        assertThat(timelineStore().countUnread(ROOM, null, MINA, 100)).isEqualTo(3);
    }

    @Test
    default void countUnreadShouldSkipTheReadersOwnMessages() {
        await(timelineStore().append(messageAt(ROOM, NOON, MINA, "mine")));
        await(timelineStore().append(messageAt(ROOM, NOON.plusSeconds(1), JOON, "theirs")));

        assertThat(timelineStore().countUnread(ROOM, null, MINA, 100)).isEqualTo(1);
        assertThat(timelineStore().countUnread(ROOM, null, JOON, 100)).isEqualTo(1);
    }

    @Test
    default void countUnreadShouldSkipEventsAndDeletedMessages() {
        Entry gone = messageAt(ROOM, NOON, JOON, "gone");
        await(timelineStore().append(gone));
        await(timelineStore().append(messageAt(ROOM, NOON.plusSeconds(1), JOON, "kept")));
        await(timelineStore().append(Entry.event(ROOM, idAt(NOON.plusSeconds(2)), JOON, EntryKind.MEMBER_JOINED, JOON.toString())));

        await(timelineStore().delete(ROOM, gone.id(), Entry.event(ROOM, idAt(NOON.plusSeconds(3)), JOON,
                EntryKind.DELETION, gone.id().toString())));

        assertThat(timelineStore().countUnread(ROOM, null, MINA, 100)).isEqualTo(1);
    }

    @Test
    default void countUnreadShouldStopAtTheCap() {
        for (int i = 0; i < 7; i++) {
            await(timelineStore().append(messageAt(ROOM, NOON.plusSeconds(i), JOON, "m" + i)));
        }

        assertThat(timelineStore().countUnread(ROOM, null, MINA, 5)).isEqualTo(5);
        assertThat(timelineStore().countUnread(ROOM, null, MINA, 7)).isEqualTo(7);
        assertThat(timelineStore().countUnread(ROOM, null, MINA, 0)).isZero();
    }

    @Test
    default void countUnreadShouldBeZeroForAnEmptyRoom() {
        assertThat(timelineStore().countUnread(RoomId.random(), null, MINA, 100)).isZero();
    }

    @Test
    default void countUnreadShouldRefuseANegativeCap() {
        assertThatThrownBy(() -> timelineStore().countUnread(ROOM, null, MINA, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cap: -1 (expected: >= 0)");
    }
}
