package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.model.AttachmentView;
import io.ieum.client.model.Room;
import io.ieum.client.model.SyncPage;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;

/** Every typed call of the client against the real server, and the operator commands of the CLI. */
class RestRoundTripTest {

    @TempDir
    static Path dir;

    private static RunningServer server;
    private static IeumClient hana;
    private static IeumClient dami;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir.resolve("data"));
        hana = user("hana");
        dami = user("dami");
    }

    @AfterAll
    static void stop() {
        hana.close();
        dami.close();
        server.close();
    }

    @Test
    void profileFriendsAndSessionsShouldRoundTrip() {
        assertThat(hana.me().username()).isEqualTo("hana");
        assertThat(hana.updateProfile(Map.of("statusMessage", "baking")).statusMessage()).isEqualTo("baking");
        assertThat(hana.user("dami").displayName()).isEqualTo("Dami");

        hana.addFriend("dami");
        assertThat(hana.friends().friends()).extracting(u -> u.username()).contains("dami");
        hana.removeFriend("dami");
        assertThat(hana.friends().friends()).isEmpty();

        assertThat(hana.sessions()).anyMatch(s -> s.current());
    }

    @Test
    void groupHistorySyncAndAttachmentsShouldRoundTrip() throws Exception {
        Room group = hana.createGroup("Cake orders", List.of("dami"));
        assertThat(group.members()).hasSize(2);
        byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("cake.jpg");
        Files.write(file, photo);
        AttachmentView attachment = hana.uploadAttachment(file, "image/jpeg");

        String id = hana.newMessageId();
        hana.sendViaRest(id, group.id(), "see photo", null, List.of(attachment));

        assertThat(dami.history(group.id(), null, 10).entries()).anyMatch(e -> e.id().equals(id));
        SyncPage sync = dami.sync(null, 200);
        assertThat(sync.entries()).anyMatch(e -> e.id().equals(id));
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        dami.downloadAttachment(group.id(), attachment.sha256(), downloaded);
        assertThat(downloaded.toByteArray()).isEqualTo(photo);
        assertThat(hana.rooms()).anyMatch(r -> r.id().equals(group.id()));
        dami.markRead(group.id(), id);
        assertThat(hana.room(group.id()).members()).anyMatch(m -> id.equals(m.readUpTo()));
    }

    @Test
    void sendToARoomIAmNotInShouldFailTheAckWithTheServerCode() {
        Room direct = hana.openDirect("dami");
        IeumClient outsider = user("outsider");
        Connection live = outsider.connect(ConnectionListener.NONE);
        live.ready().orTimeout(20, TimeUnit.SECONDS).join();

        assertThatThrownBy(() -> live.send(direct.id(), "let me in").orTimeout(20, TimeUnit.SECONDS).join())
                .hasCauseInstanceOf(IeumClientException.class)
                .cause().satisfies(e -> assertThat(((IeumClientException) e).error()).isEqualTo("not_member"));
        live.close();
        outsider.close();
    }

    @Test
    void cliOperatorCommandsShouldWorkAgainstTheServer() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            String url = server.uri().toString();
            CliRun created = CliRun.withStdin("pw-yuna-long\n", "user", "create", "yuna", "--display-name", "Yuna",
                    "--password-stdin", "--server", url);
            assertThat(created.exitCode()).as(created.err()).isZero();
            Room direct = hana.openDirect("yuna");

            CliRun sent = CliRun.run("send", direct.id(), "from the CLI", "--server", url, "--user", "yuna",
                    "--password", "pw-yuna-long");
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            assertThat(hana.history(direct.id(), null, 10).entries()).anyMatch(e -> "from the CLI".equals(e.text()));

            CliRun rooms = CliRun.run("rooms", "--server", url, "--token", hana.token());
            assertThat(rooms.out()).contains(direct.id());

            Path zip = dir.resolve("export.zip");
            CliRun export = CliRun.run("export", "--out", zip.toString(), "--server", url, "--token", hana.token());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out()).contains("Exported");
            assertThat(zipEntries(zip)).contains("data.json", "index.html");

            CliRun status = CliRun.run("status", "--server", url);
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("storage: UP");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static List<String> zipEntries(Path zip) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static IeumClient user(String name) {
        IeumClient client = IeumClient.create(ClientOptions.of(server.uri()));
        client.signUp(name, "pw-" + name + "-long", Character.toUpperCase(name.charAt(0)) + name.substring(1));
        client.logIn(name, "pw-" + name + "-long");
        return client;
    }
}
