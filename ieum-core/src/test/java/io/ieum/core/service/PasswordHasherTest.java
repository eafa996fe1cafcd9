package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = PasswordHasher.forTests();

    @Test
    void hashShouldBeArgon2idAndSalted() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertThat(first).startsWith("$argon2id$");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void matchesShouldAcceptOnlyThePassword() {
        String hash = hasher.hash("비밀번호-correct");
        assertThat(hasher.matches("비밀번호-correct", hash)).isTrue();
        assertThat(hasher.matches("비밀번호-wrong", hash)).isFalse();
    }

    @Test
    void aProductionHashShouldBeCheckedByAnyHasherBecauseTheCostIsInTheHash() {
        String hash = new PasswordHasher().hash("correct horse battery");
        assertThat(hash).contains("m=19456,t=2,p=1");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    }

    @Test
    void aHashShouldCarryTheConfiguredCostAndVerifyUnderAnyOther() {
        PasswordHasher costly = new PasswordHasher(new PasswordHashCost(8 * 1024, 3, 2));
        String hash = costly.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$").contains("m=8192,t=3,p=2");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(costly.matches("correct horse battery", hasher.hash("correct horse battery"))).isTrue();
        assertThat(costly.matches("correct horse batter", hash)).isFalse();
    }

    @Test
    void aMalformedStoredHashShouldNeverMatch() {
        assertThat(hasher.matches("anything", "not-a-hash")).isFalse();
    }
}
