package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Relation;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.model.Session;
import io.ieum.core.model.Username;
import io.ieum.core.store.Storage;
import io.ieum.store.cassandra.RecordingRequestTracker.Executed;

/** Every request this backend sends, as the driver executed it: QUORUM, and SERIAL for Paxos, never LOCAL_* or ONE. */
@Tag("cassandra")
class CassandraConsistencyLevelTest {

    static final RecordingRequestTracker TRACKER = new RecordingRequestTracker();

    @RegisterExtension
    static final CassandraClusterExtension CASSANDRA = new CassandraClusterExtension(b -> b.addRequestTracker(TRACKER));

    @BeforeEach
    void forgetSetUp() {
        TRACKER.clear();
    }

    @Test
    void everyReadAndWriteOfEveryPortShouldRunAtQuorum() throws Exception {
        exerciseEveryPort(CASSANDRA.storage());

        List<Executed> executed = TRACKER.executed();
        assertThat(executed).hasSizeGreaterThan(30);
        assertThat(executed).allSatisfy(e -> assertThat(e.consistency())
                .as(e.cql()).isIn(DefaultConsistencyLevel.QUORUM, DefaultConsistencyLevel.SERIAL));
        assertThat(executed).noneSatisfy(e -> assertThat(e.consistency().name()).startsWith("LOCAL_"));
    }

    @Test
    void theUsernameClaimShouldBeALightweightTransactionAtSerial() {
        CASSANDRA.storage().accounts().create(account("serial.mina"));

        List<Executed> claims = TRACKER.executed().stream().filter(e -> e.cql().contains("IF NOT EXISTS")).toList();
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).cql()).contains("usernames");
        assertThat(claims.get(0).consistency()).isEqualTo(DefaultConsistencyLevel.QUORUM);
        assertThat(claims.get(0).serialConsistency()).isEqualTo(DefaultConsistencyLevel.SERIAL);
    }

    @Test
    void appendingAMessageShouldNotUseALightweightTransaction() {
        RoomId room = RoomId.random();
        CASSANDRA.storage().timeline().append(Entry.message(room, MessageId.generate(), UserId.random(), "hi", null, List.of())).join();

        assertThat(TRACKER.executed()).noneSatisfy(e -> assertThat(e.cql()).contains(" IF "));
        assertThat(TRACKER.executed()).hasSize(3);
    }

    private static Account account(String name) {
        return new Account(UserId.random(), Username.of(name), "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                Profile.named("Mina"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void exerciseEveryPort(Storage storage) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Account mina = account("cl.mina");
        UserId joon = UserId.random();
        storage.accounts().create(mina);
        storage.accounts().byId(mina.id());
        storage.accounts().byUsername(mina.username());
        storage.accounts().updateProfile(mina.id(), Profile.named("Mina K"));

        Session session = new Session(SessionId.random(), mina.id(), "cl-hash", "phone", now, now.plusSeconds(3600));
        storage.sessions().create(session);
        storage.sessions().byTokenHash("cl-hash");
        storage.sessions().byUser(mina.id());
        storage.sessions().delete(mina.id(), session.id());

        storage.contacts().put(new Contact(mina.id(), joon, Relation.FRIEND, now));
        storage.contacts().relation(mina.id(), joon);
        storage.contacts().list(mina.id());
        storage.contacts().remove(mina.id(), joon);

        Room room = new Room(RoomId.random(), RoomKind.GROUP, "Team", mina.id(), now);
        storage.rooms().create(room);
        storage.rooms().room(room.id());
        storage.rooms().addMember(new Member(room.id(), joon, MemberRole.MEMBER, now));
        storage.rooms().members(room.id());
        storage.rooms().roomsOf(joon);
        storage.rooms().removeMember(room.id(), joon);

        Entry hello = Entry.message(room.id(), MessageId.generate(), mina.id(), "hello", null, List.of());
        storage.timeline().append(hello).join();
        storage.timeline().append(hello).join();
        storage.timeline().delete(room.id(), hello.id(),
                Entry.event(room.id(), MessageId.generate(), mina.id(), EntryKind.DELETION, hello.id().toString())).join();
        storage.timeline().get(room.id(), hello.id());
        storage.timeline().before(room.id(), null, 10);
        storage.timeline().after(room.id(), hello.id(), 10);
        storage.timeline().countUnread(room.id(), null, joon, 10);

        storage.reads().advance(room.id(), joon, hello.id()).join();
        storage.reads().position(room.id(), joon);
        storage.reads().positions(room.id());

        var blob = storage.blobs().put(mina.id(), new ByteArrayInputStream(new byte[300_000]), Long.MAX_VALUE);
        storage.blobs().info(blob.sha256());
        try (var in = storage.blobs().open(blob.sha256()).orElseThrow()) {
            in.readAllBytes();
        }
        storage.blobs().isUploader(blob.sha256(), mina.id());
        storage.blobs().uploadsOf(mina.id());
    }
}
