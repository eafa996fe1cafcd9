package io.ieum.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class WriteCallbacksTest {

    private final Executor loop = Runnable::run;
    private final Executor otherLoop = Runnable::run;

    @Test
    void theHomeShouldBeNamedInsideRunOnOnly() {
        assertThat(WriteCallbacks.home()).isNull();

        Executor inside = WriteCallbacks.runOn(loop, WriteCallbacks::home);

        assertThat(inside).isSameAs(loop);
        assertThat(WriteCallbacks.home()).isNull();
    }

    @Test
    void aNestedRunOnShouldRestoreTheOuterHome() {
        Executor[] seen = new Executor[2];

        WriteCallbacks.runOn(loop, () -> {
            seen[0] = WriteCallbacks.runOn(otherLoop, WriteCallbacks::home);
            seen[1] = WriteCallbacks.home();
            return null;
        });

        assertThat(seen[0]).isSameAs(otherLoop);
        assertThat(seen[1]).isSameAs(loop);
    }

    @Test
    void theHomeShouldBeClearedWhenTheWritesThrow() {
        assertThatThrownBy(() -> WriteCallbacks.runOn(loop, () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(WriteCallbacks.home()).isNull();
    }

    @Test
    void aMissingHomeShouldBeRefused() {
        assertThatThrownBy(() -> WriteCallbacks.runOn(null, () -> null))
                .isInstanceOf(NullPointerException.class).hasMessage("home");
    }
}
