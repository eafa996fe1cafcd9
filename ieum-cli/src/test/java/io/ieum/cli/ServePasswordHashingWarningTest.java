package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ieum.core.service.PasswordHashCost;

class ServePasswordHashingWarningTest {

    private Locale saved;

    @BeforeEach
    void remember() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void aCostBelowOwaspsMinimumShouldBeWarnedAboutInEnglishAndKorean() {
        PasswordHashCost cheap = new PasswordHashCost(64, 1, 1);
        Locale.setDefault(Locale.ENGLISH);
        assertThat(ServeCommand.passwordHashingWarning(cheap)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("WARNING: passwordHashing (memory 64 KiB, iterations 1, parallelism 1) is below OWASP's minimum")
                .contains("memory 19456 KiB, iterations 2, parallelism 1", "never for real accounts"));
        Locale.setDefault(Locale.KOREAN);
        assertThat(ServeCommand.passwordHashingWarning(cheap)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("경고: passwordHashing(memory 64 KiB, iterations 1, parallelism 1)")
                .contains("OWASP 최소 기준", "실제 계정에는 절대 쓰지 마세요"));
    }

    @Test
    void owaspsSettingsShouldStartWithoutAWarning() {
        assertThat(ServeCommand.passwordHashingWarning(PasswordHashCost.OWASP)).isEmpty();
        assertThat(ServeCommand.passwordHashingWarning(new PasswordHashCost(47 * 1024, 1, 1))).isEmpty();
        assertThat(ServeCommand.passwordHashingWarning(new PasswordHashCost(7 * 1024, 5, 2))).isEmpty();
    }
}
