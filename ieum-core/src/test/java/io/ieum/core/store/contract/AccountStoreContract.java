package io.ieum.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;
import io.ieum.core.store.AccountStore;

/** The behaviour every {@link AccountStore} backend must show. */
public interface AccountStoreContract {

    AccountStore accountStore();

    static Account account(String username) {
        return new Account(UserId.random(), Username.of(username), "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                new Profile("Mina Kim", "at work", null), Fixtures.now());
    }

    @Test
    default void createShouldStoreAccountReadableById() {
        Account mina = account("mina");

        assertThat(accountStore().create(mina)).isTrue();

        assertThat(accountStore().byId(mina.id())).contains(mina);
    }

    @Test
    default void byUsernameShouldFindAccountWhateverTheCaseOfTheLookup() {
        Account mina = account("Mina.Kim");
        accountStore().create(mina);

        assertThat(accountStore().byUsername(Username.of("MINA.KIM"))).contains(mina);
        assertThat(accountStore().byUsername(Username.of("mina.kim"))).contains(mina);
    }

    @Test
    default void createShouldReturnFalseWhenUsernameIsTakenByAnotherAccount() {
        Account first = account("joon");
        Account second = account("JOON");
        accountStore().create(first);

        assertThat(accountStore().create(second)).isFalse();

        assertThat(accountStore().byUsername(Username.of("joon"))).contains(first);
        assertThat(accountStore().byId(second.id())).isEmpty();
    }

    @Test
    default void createShouldReturnTrueWhenTheSameAccountIsCreatedAgain() {
        Account mina = account("mina");
        accountStore().create(mina);

        assertThat(accountStore().create(mina)).isTrue();

        assertThat(accountStore().byId(mina.id())).contains(mina);
    }

    @Test
    default void createShouldLetExactlyOneOfManyConcurrentClaimsOfAUsernameWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Account> candidates = new ArrayList<>();
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Account candidate = account("popular");
                candidates.add(candidate);
                Callable<Boolean> claim = () -> accountStore().create(candidate);
                results.add(pool.submit(claim));
            }
            List<Account> winners = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get()) {
                    winners.add(candidates.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(accountStore().byUsername(Username.of("popular"))).contains(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void byIdShouldBeEmptyForAnUnknownAccount() {
        assertThat(accountStore().byId(UserId.random())).isEmpty();
    }

    @Test
    default void byUsernameShouldBeEmptyForAFreeUsername() {
        assertThat(accountStore().byUsername(Username.of("nobody"))).isEmpty();
    }

    @Test
    default void updateProfileShouldReplaceTheProfileSeenByIdAndByUsername() {
        Account mina = account("mina");
        accountStore().create(mina);
        Profile changed = new Profile("Mina", "on holiday 🌴", Fixtures.SHA_B);

        accountStore().updateProfile(mina.id(), changed);

        assertThat(accountStore().byId(mina.id())).contains(mina.withProfile(changed));
        assertThat(accountStore().byUsername(mina.username())).contains(mina.withProfile(changed));
    }

    @Test
    default void updateProfileShouldClearTheAvatarWhenTheNewProfileHasNone() {
        Account mina = account("mina");
        accountStore().create(mina);
        accountStore().updateProfile(mina.id(), new Profile("Mina", "", Fixtures.SHA_A));

        accountStore().updateProfile(mina.id(), Profile.named("Mina"));

        assertThat(accountStore().byId(mina.id()).orElseThrow().profile()).isEqualTo(Profile.named("Mina"));
    }

    @Test
    default void updateProfileShouldHaveNoEffectForAnUnknownId() {
        UserId unknown = UserId.random();

        accountStore().updateProfile(unknown, Profile.named("Ghost"));

        assertThat(accountStore().byId(unknown)).isEmpty();
    }
}
