package io.ieum.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.ieum.core.model.Username;
import io.ieum.server.config.ServerConfig;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.TestServers;

/**
 * The configured Argon2id cost end to end: the one server test at OWASP's default cost (every other
 * test server is cheap, ADR 0019), and hashes made at one cost logging in on a server set to another.
 */
class PasswordHashingServerTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> serverLog = new ListAppender<>();
    private final Logger serverLogger = (Logger) LoggerFactory.getLogger(IeumServer.class);

    @BeforeEach
    void captureServerLog() {
        serverLog.start();
        serverLogger.addAppender(serverLog);
    }

    @AfterEach
    void releaseServerLog() {
        serverLogger.detachAppender(serverLog);
    }

    @Test
    void hashesShouldBeMadeAtTheConfiguredCostAndLogInWhateverTheCostIsNow() {
        // No file, no environment: OWASP's 19 MiB x 2, as production runs.
        ServerConfig owasp = ServerConfig.load(null, Map.of()).withPort(0).withDataDir(dataDir);
        ServerConfig cheap = TestServers.config().withPort(0).withDataDir(dataDir);
        User mina;
        try (IeumServer server = IeumServer.start(owasp)) {
            mina = new Client(server.uri()).newUser("mina");
            assertThat(storedHash(server, mina)).startsWith("$argon2id$").contains("m=19456,t=2,p=1");
        }
        assertThat(warnings()).isEmpty();

        User joon;
        try (IeumServer server = IeumServer.start(cheap)) {
            Client client = new Client(server.uri());
            assertThat(logIn(client, mina, "correct horse").status()).isEqualTo(201);
            assertThat(logIn(client, mina, "correct horsE").status()).isEqualTo(401);
            joon = client.newUser("joon");
            assertThat(storedHash(server, joon)).contains("m=64,t=1,p=1");
        }
        assertThat(warnings()).singleElement().asString()
                .contains("below OWASP's minimum", "memory 64 KiB, iterations 1, parallelism 1", "never for real accounts");

        try (IeumServer server = IeumServer.start(owasp)) {
            Client client = new Client(server.uri());
            assertThat(logIn(client, joon, "correct horse").status()).isEqualTo(201);
            assertThat(logIn(client, joon, "wrong horse").status()).isEqualTo(401);
            assertThat(logIn(client, mina, "correct horse").status()).isEqualTo(201);
        }
        assertThat(warnings()).hasSize(1);
    }

    private java.util.List<String> warnings() {
        return serverLog.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("passwordHashing")).toList();
    }

    private static Reply logIn(Client client, User user, String password) {
        return client.json("POST", "/api/sessions", null,
                Map.of("username", user.username(), "password", password, "deviceName", "laptop"));
    }

    private static String storedHash(IeumServer server, User user) {
        return server.services().storage().accounts().byUsername(Username.of(user.username())).orElseThrow()
                .passwordHash();
    }
}
