package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.Room;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;
import io.ieum.client.realtime.ConnectionState;

/** A site that stops answering pings is declared dead after two missed pongs and left for the next. */
class LivenessTest {

    @TempDir
    Path dir;

    @Test
    void connectionShouldLeaveASiteThatStopsAnsweringPings() {
        try (SilentSite silent = new SilentSite(); RunningServer healthy = RunningServer.start(dir)) {
            IeumClient rest = IeumClient.create(ClientOptions.of(healthy.uri()));
            rest.signUp("mina", "pw-mina-long", "Mina");
            rest.signUp("joon", "pw-joon-long", "Joon");
            rest.logIn("mina", "pw-mina-long");
            Room room = rest.openDirect("joon");
            IeumClient realtime = IeumClient.create(ClientOptions.builder()
                    .servers(List.of(silent.uri(), healthy.uri()))
                    .pingInterval(Duration.ofMillis(200))
                    .build());
            List<EntryView> received = new CopyOnWriteArrayList<>();
            Connection live = realtime.as(rest.token()).connect(new ConnectionListener() {
                @Override
                public void onEntry(EntryView entry) {
                    received.add(entry);
                }
            });
            live.ready().orTimeout(20, TimeUnit.SECONDS).join();

            await().atMost(Duration.ofSeconds(20)).until(() -> live.site().equals(healthy.uri())
                    && live.state() == ConnectionState.READY);
            String id = rest.sendViaRest(room.id(), "are you there?").entry().id();

            await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(e -> e.id().equals(id)));
            assertThat(live.metrics().reconnects()).isGreaterThanOrEqualTo(1);
            live.close();
            realtime.close();
            rest.close();
        }
    }
}
