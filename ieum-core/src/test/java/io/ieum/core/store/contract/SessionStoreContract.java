package io.ieum.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;
import io.ieum.core.store.SessionStore;

/** The behaviour every {@link SessionStore} backend must show. */
public interface SessionStoreContract {

    SessionStore sessionStore();

    static Session session(UserId user, String tokenHash, Instant createdAt) {
        return new Session(SessionId.random(), user, tokenHash, "Pixel 9", createdAt, createdAt.plus(Duration.ofDays(30)));
    }

    @Test
    default void createShouldStoreSessionFoundByTokenHash() {
        Session session = session(UserId.random(), "hash-1", Fixtures.NOON);

        sessionStore().create(session);

        assertThat(sessionStore().byTokenHash("hash-1")).contains(session);
    }

    @Test
    default void createShouldChangeNothingWhenTheSameSessionIsStoredAgain() {
        Session session = session(UserId.random(), "hash-1", Fixtures.NOON);
        sessionStore().create(session);

        sessionStore().create(session);

        assertThat(sessionStore().byTokenHash("hash-1")).contains(session);
        assertThat(sessionStore().byUser(session.userId())).containsExactly(session);
    }

    @Test
    default void byTokenHashShouldBeEmptyForAnUnknownHash() {
        assertThat(sessionStore().byTokenHash("unknown")).isEmpty();
    }

    @Test
    default void byUserShouldListOnlyThatUsersSessionsOldestFirst() {
        UserId mina = UserId.random();
        Session newest = session(mina, "h3", Fixtures.NOON.plusSeconds(7200));
        Session oldest = session(mina, "h1", Fixtures.NOON);
        Session middle = session(mina, "h2", Fixtures.NOON.plusSeconds(3600));
        Session someoneElse = session(UserId.random(), "h4", Fixtures.NOON);
        sessionStore().create(newest);
        sessionStore().create(oldest);
        sessionStore().create(someoneElse);
        sessionStore().create(middle);

        assertThat(sessionStore().byUser(mina)).containsExactly(oldest, middle, newest);
    }

    @Test
    default void byUserShouldBeEmptyForAUserWithoutSessions() {
        assertThat(sessionStore().byUser(UserId.random())).isEmpty();
    }

    @Test
    default void deleteShouldRemoveTheUsersOwnSession() {
        Session session = session(UserId.random(), "hash-1", Fixtures.NOON);
        sessionStore().create(session);

        assertThat(sessionStore().delete(session.userId(), session.id())).isTrue();

        assertThat(sessionStore().byTokenHash("hash-1")).isEmpty();
        assertThat(sessionStore().byUser(session.userId())).isEmpty();
    }

    @Test
    default void deleteShouldReturnFalseWhenTheSessionIsAlreadyGone() {
        Session session = session(UserId.random(), "hash-1", Fixtures.NOON);
        sessionStore().create(session);
        sessionStore().delete(session.userId(), session.id());

        assertThat(sessionStore().delete(session.userId(), session.id())).isFalse();
    }

    @Test
    default void deleteShouldNotRemoveAnotherUsersSession() {
        Session session = session(UserId.random(), "hash-1", Fixtures.NOON);
        sessionStore().create(session);

        assertThat(sessionStore().delete(UserId.random(), session.id())).isFalse();

        assertThat(sessionStore().byTokenHash("hash-1")).contains(session);
    }

    @Test
    default void deleteShouldLeaveTheUsersOtherSessions() {
        UserId mina = UserId.random();
        Session phone = session(mina, "h1", Fixtures.NOON);
        Session laptop = session(mina, "h2", Fixtures.NOON.plusSeconds(60));
        sessionStore().create(phone);
        sessionStore().create(laptop);

        sessionStore().delete(mina, phone.id());

        assertThat(sessionStore().byUser(mina)).containsExactly(laptop);
    }
}
