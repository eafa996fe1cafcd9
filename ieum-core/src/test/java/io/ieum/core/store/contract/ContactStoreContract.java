package io.ieum.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;
import io.ieum.core.store.ContactStore;

/** The behaviour every {@link ContactStore} backend must show. */
public interface ContactStoreContract {

    ContactStore contactStore();

    UserId MINA = UserId.random();
    UserId JOON = UserId.random();
    UserId SORA = UserId.random();

    @Test
    default void putShouldStoreTheRelation() {
        contactStore().put(new Contact(MINA, JOON, Relation.FRIEND, Fixtures.NOON));

        assertThat(contactStore().relation(MINA, JOON)).contains(Relation.FRIEND);
    }

    @Test
    default void relationsShouldBeOneDirectional() {
        contactStore().put(new Contact(MINA, JOON, Relation.BLOCKED, Fixtures.NOON));

        assertThat(contactStore().relation(JOON, MINA)).isEmpty();
        assertThat(contactStore().list(JOON)).isEmpty();
    }

    @Test
    default void putShouldReplaceAnEarlierRelationToTheSameUser() {
        contactStore().put(new Contact(MINA, JOON, Relation.FRIEND, Fixtures.NOON));
        Contact blocked = new Contact(MINA, JOON, Relation.BLOCKED, Fixtures.NOON.plusSeconds(60));

        contactStore().put(blocked);

        assertThat(contactStore().relation(MINA, JOON)).contains(Relation.BLOCKED);
        assertThat(contactStore().list(MINA)).containsExactly(blocked);
    }

    @Test
    default void putShouldBeIdempotent() {
        Contact friend = new Contact(MINA, JOON, Relation.FRIEND, Fixtures.NOON);
        contactStore().put(friend);

        contactStore().put(friend);

        assertThat(contactStore().list(MINA)).containsExactly(friend);
    }

    @Test
    default void removeShouldDeleteTheRelationAndSayThereWasOne() {
        contactStore().put(new Contact(MINA, JOON, Relation.FRIEND, Fixtures.NOON));

        assertThat(contactStore().remove(MINA, JOON)).isTrue();

        assertThat(contactStore().relation(MINA, JOON)).isEmpty();
        assertThat(contactStore().list(MINA)).isEmpty();
    }

    @Test
    default void removeShouldReturnFalseWhenThereIsNoRelation() {
        assertThat(contactStore().remove(MINA, JOON)).isFalse();
    }

    @Test
    default void removeShouldLeaveOtherRelations() {
        Contact sora = new Contact(MINA, SORA, Relation.FRIEND, Fixtures.NOON);
        contactStore().put(new Contact(MINA, JOON, Relation.FRIEND, Fixtures.NOON));
        contactStore().put(sora);

        contactStore().remove(MINA, JOON);

        assertThat(contactStore().list(MINA)).containsExactly(sora);
    }

    @Test
    default void listShouldReturnAllOfTheOwnersRelationsOnly() {
        Contact friend = new Contact(MINA, JOON, Relation.FRIEND, Fixtures.NOON);
        Contact blocked = new Contact(MINA, SORA, Relation.BLOCKED, Fixtures.NOON.plusSeconds(1));
        contactStore().put(friend);
        contactStore().put(blocked);
        contactStore().put(new Contact(JOON, SORA, Relation.FRIEND, Fixtures.NOON));

        assertThat(contactStore().list(MINA)).containsExactlyInAnyOrder(friend, blocked);
    }
}
