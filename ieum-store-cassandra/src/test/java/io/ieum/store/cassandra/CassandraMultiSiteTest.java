package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;
import io.ieum.core.store.Storage;
import io.ieum.devcluster.Site;

/** Two or three servers, each at its own site, sharing one keyspace. */
class CassandraMultiSiteTest extends CassandraStorageTestBase {

    private static Storage site2;
    private static Storage site3;

    @BeforeAll
    static void openTheOtherSites() {
        // Together: each open reads the schema and prepares every statement, seconds on the shared machine.
        CompletableFuture<Storage> opening2 = CompletableFuture.supplyAsync(() -> CASSANDRA.openAt(Site.of(2)));
        site3 = CASSANDRA.openAt(Site.of(3));
        site2 = opening2.join();
    }

    @AfterAll
    static void closeTheOtherSites() throws Exception {
        site2.close();
        site3.close();
    }

    private static Entry message(RoomId room, MessageId id, String text) {
        return Entry.message(room, id, UserId.random(), text, null, List.of());
    }

    @Test
    void sendShouldBeIdempotentWhenRetriedOnAnotherSite() {
        RoomId room = RoomId.random();
        Entry hello = message(room, MessageId.generate(), "hello");

        assertThat(storage().timeline().append(hello).join()).isEqualTo(AppendResult.STORED);
        assertThat(site2.timeline().append(hello).join()).isEqualTo(AppendResult.DUPLICATE);

        assertThat(site3.timeline().before(room, null, 10)).containsExactly(hello);
    }

    @Test
    void aClashingWriteOnAnotherSiteShouldNeverReplaceTheStoredText() {
        RoomId room = RoomId.random();
        Entry original = message(room, MessageId.generate(), "original");
        storage().timeline().append(original).join();

        Entry clash = new Entry(room, original.id(), UserId.random(), EntryKind.MESSAGE, "forged", null, List.of(), null, false);
        assertThat(site2.timeline().append(clash).join()).isEqualTo(AppendResult.DUPLICATE);

        assertThat(site3.timeline().get(room, original.id())).contains(original);
    }

    @Test
    void concurrentRetriesFromTwoSitesShouldLeaveExactlyOneEntryEach() {
        RoomId room = RoomId.random();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            entries.add(message(room, MessageId.generate(), "m" + i));
        }
        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        for (Entry entry : entries) {
            results.add(storage().timeline().append(entry));
            results.add(site2.timeline().append(entry));
        }
        results.forEach(CompletableFuture::join);

        List<Entry> stored = site3.timeline().before(room, null, 1000);
        assertThat(stored).hasSize(100);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            // Each entry was STORED by at least one site; both may say STORED when the race is exact.
            assertThat(List.of(results.get(2 * i).join(), results.get(2 * i + 1).join())).contains(AppendResult.STORED);
        }
    }

    @Test
    void clashingWritesRacingOnTwoSitesShouldConvergeOnOneVersion() {
        RoomId room = RoomId.random();
        List<MessageId> ids = new ArrayList<>();
        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            MessageId id = MessageId.generate();
            ids.add(id);
            results.add(storage().timeline().append(message(room, id, "from site 1")));
            results.add(site2.timeline().append(message(room, id, "from site 2")));
        }
        results.forEach(CompletableFuture::join);

        for (MessageId id : ids) {
            Entry seenAt1 = storage().timeline().get(room, id).orElseThrow();
            Entry seenAt2 = site2.timeline().get(room, id).orElseThrow();
            Entry seenAt3 = site3.timeline().get(room, id).orElseThrow();
            assertThat(seenAt2).isEqualTo(seenAt1);
            assertThat(seenAt3).isEqualTo(seenAt1);
            assertThat(seenAt1.text()).isIn("from site 1", "from site 2");
        }
    }

    @Test
    void aRetryRacingADeleteOnAnotherSiteShouldNeverBringTheTextBack() {
        RoomId room = RoomId.random();
        List<Entry> messages = new ArrayList<>();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Entry entry = message(room, MessageId.generate(), "secret " + i);
            messages.add(entry);
            storage().timeline().append(entry).join();
        }
        for (Entry entry : messages) {
            writes.add(site2.timeline().delete(room, entry.id(),
                    Entry.event(room, MessageId.generate(), entry.sender(), EntryKind.DELETION, entry.id().toString())));
            writes.add(site3.timeline().append(entry));
        }
        writes.forEach(CompletableFuture::join);

        for (Entry entry : messages) {
            assertThat(storage().timeline().get(room, entry.id())).contains(entry.asDeleted());
        }
    }

    @Test
    void aDeleteThatOvertakesItsMessageShouldStillErase() {
        RoomId room = RoomId.random();
        Entry late = message(room, MessageId.generate(), "arrives after its deletion");

        site2.timeline().delete(room, late.id(),
                Entry.event(room, MessageId.generate(), late.sender(), EntryKind.DELETION, late.id().toString())).join();
        assertThat(storage().timeline().get(room, late.id())).isEmpty();

        assertThat(storage().timeline().append(late).join()).isEqualTo(AppendResult.STORED);
        assertThat(site3.timeline().get(room, late.id())).contains(late.asDeleted());
    }

    @Test
    void exactlyOneOfSixteenClaimersOnThreeSitesShouldGetAUsername() throws Exception {
        List<Storage> sites = List.of(storage(), site2, site3);
        int claimers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CyclicBarrier start = new CyclicBarrier(claimers);
        List<Account> candidates = new ArrayList<>();
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < claimers; i++) {
                Account candidate = new Account(UserId.random(), Username.of("hot.name"), "$argon2id$x", Profile.named("C" + i),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));
                Storage site = sites.get(i % sites.size());
                candidates.add(candidate);
                results.add(pool.submit(() -> {
                    start.await();
                    return site.accounts().create(candidate);
                }));
            }
            List<Account> winners = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                if (results.get(i).get(120, TimeUnit.SECONDS)) {
                    winners.add(candidates.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            for (Storage site : sites) {
                assertThat(site.accounts().byUsername(Username.of("hot.name"))).contains(winners.get(0));
            }
            Account winner = winners.get(0);
            assertThat(sites.get(2).accounts().create(winner)).as("the winner retrying on another site").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
