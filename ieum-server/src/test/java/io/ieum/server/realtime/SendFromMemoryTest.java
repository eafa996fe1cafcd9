package io.ieum.server.realtime;

import static io.ieum.server.realtime.RealtimeFixture.auth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.MessageId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Room;
import io.ieum.core.service.Limits;
import io.ieum.core.service.LoginResult;
import io.ieum.core.service.MessageService;
import io.ieum.core.service.SendResult;
import io.ieum.core.store.StorageBusyException;

/**
 * The send an event loop may run by itself ({@link MessageService#sendFromMemory}): it goes ahead only
 * when no check needs storage, and otherwise leaves the send to a blocking thread untouched.
 */
class SendFromMemoryTest {

    @TempDir
    Path dir;
    private RealtimeFixture fixture;
    private LoginResult mina;
    private LoginResult joon;
    private Room group;

    @BeforeEach
    void minaAndJoonInAGroup() {
        fixture = new RealtimeFixture(dir);
        mina = fixture.user("mina");
        joon = fixture.user("joon");
        group = fixture.group(mina, joon);
    }

    private MessageService messages() {
        return fixture.services.messages();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aGroupRoomWhoseMembersAreCachedShouldBeSentFromMemory() {
        messages().sendChecked(auth(mina), group.id(), MessageId.generate(), "hi", null, List.of()).join(); // caches the members
        MessageId second = MessageId.generate();
        var sent = messages().sendFromMemory(auth(joon), group.id(), second, "hello", null, List.of());

        assertThat(sent).as("members cached: no storage read needed").isNotNull();
        assertThat(sent.join().result()).isEqualTo(AppendResult.STORED);
        assertThat(messages().sendFromMemory(auth(joon), group.id(), second, "hello", null, List.of()).join().result())
                .as("the same ID again").isEqualTo(AppendResult.DUPLICATE);
        assertThat(fixture.storage.timeline().get(group.id(), second)).get()
                .satisfies(entry -> assertThat(entry.text()).isEqualTo("hello"));
    }

    @Test
    void aReplyADirectRoomOrAnUncachedRoomShouldBeLeftToABlockingThread() {
        MessageId first = MessageId.generate();
        messages().sendChecked(auth(mina), group.id(), first, "hi", null, List.of()).join();
        Room direct = fixture.services.rooms().openDirect(auth(mina), joon.account().username().value());
        fixture.services.membership().invalidate(group.id());

        assertThat(messages().sendFromMemory(auth(mina), group.id(), MessageId.generate(), "uncached", null, List.of())).isNull();
        messages().sendChecked(auth(mina), group.id(), MessageId.generate(), "caches again", null, List.of()).join();
        assertThat(messages().sendFromMemory(auth(mina), group.id(), MessageId.generate(), "re", first, List.of()))
                .as("a reply must find the message it answers in storage").isNull();
        messages().sendChecked(auth(mina), direct.id(), MessageId.generate(), "hi", null, List.of()).join();
        assertThat(messages().sendFromMemory(auth(mina), direct.id(), MessageId.generate(), "hi", null, List.of()))
                .as("a direct room needs the block list").isNull();
        assertThat(fixture.storage.timeline().after(group.id(), first, 10)).extracting(e -> e.text())
                .containsExactly("caches again");
    }

    @Test
    void theChecksThatNeedNoStorageShouldStillRefuse() {
        LoginResult sora = fixture.user("sora");
        messages().sendChecked(auth(mina), group.id(), MessageId.generate(), "hi", null, List.of()).join();

        assertThatThrownBy(() -> messages().sendFromMemory(auth(sora), group.id(), MessageId.generate(), "let me in", null, List.of()))
                .isInstanceOfSatisfying(IeumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_MEMBER));
        assertThatThrownBy(() -> messages().sendFromMemory(auth(mina), group.id(), MessageId.generate(), "  ", null, List.of()))
                .isInstanceOfSatisfying(IeumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    /**
     * A retried send reads its stored entry on the small pool of retry readers, never on the thread
     * that completed the write (an event loop): when that pool can take no more, the retry fails as
     * busy at once, and the client's next retry with the same ID is acknowledged as before.
     */
    @Test
    void aRetryThatTheRetryReadersCannotTakeShouldFailAsBusyAndBeAcknowledgedWhenSentAgain() {
        AtomicBoolean full = new AtomicBoolean(true);
        Executor retryReaders = command -> {
            if (full.get()) {
                throw new RejectedExecutionException("every retry reader busy");
            }
            ForkJoinPool.commonPool().execute(command);
        };
        MessageService messages = new MessageService(fixture.storage.timeline(), fixture.storage.reads(),
                fixture.storage.rooms(), fixture.storage.blobs(), fixture.services.membership(),
                fixture.services.contacts(), fixture.delivery, Limits.DEFAULTS, Clock.systemUTC(), retryReaders);
        MessageId id = MessageId.generate();
        assertThat(messages.sendChecked(auth(mina), group.id(), id, "hi", null, List.of()).join().result())
                .isEqualTo(AppendResult.STORED);

        CompletableFuture<SendResult> refused = messages.sendChecked(auth(mina), group.id(), id, "hi", null, List.of());

        assertThatThrownBy(refused::join).cause().isInstanceOf(StorageBusyException.class)
                .hasMessageContaining("retried sends: too many waiting for a read");
        full.set(false);
        assertThat(messages.sendChecked(auth(mina), group.id(), id, "hi", null, List.of()).join().result())
                .as("the client's next retry").isEqualTo(AppendResult.DUPLICATE);
        assertThat(fixture.storage.timeline().before(group.id(), null, 10)).filteredOn(entry -> entry.id().equals(id))
                .hasSize(1);
    }
}
