package io.ieum.server.realtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.Server;

import io.netty.channel.ChannelOption;

import io.ieum.core.model.Room;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.Limits;
import io.ieum.core.service.LoginResult;
import io.ieum.core.service.PasswordHasher;
import io.ieum.core.service.Services;
import io.ieum.core.store.Storage;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.json.Json;
import io.ieum.store.sqlite.SqliteConfig;
import io.ieum.store.sqlite.SqliteStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A real server for one test: SQLite in a temp directory, the services, the endpoint at /ws on a free port. */
final class RealtimeFixture implements AutoCloseable {

    /** Production timings, except that sessions are re-checked often so revocation tests stay short. */
    static final RealtimeSettings TEST = new RealtimeSettings(RealtimeSettings.DEFAULTS.authTimeout(),
            Duration.ofMillis(300), Duration.ofSeconds(30), RealtimeSettings.DEFAULTS.maxPendingBytes());

    private static final AtomicInteger USERS = new AtomicInteger();

    final Storage storage;
    final Delivery delivery;
    final Services services;
    final WebSocketEndpoint endpoint;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Server server;

    RealtimeFixture(Path dataDir) {
        this(dataDir, TEST);
    }

    RealtimeFixture(Path dataDir, RealtimeSettings settings) {
        this(dataDir, settings, Duration.ofSeconds(15)); // Armeria's default HTTP idle timeout
    }

    /** @param httpIdleTimeout Armeria's idle timeout for HTTP connections, which must not touch WebSockets */
    RealtimeFixture(Path dataDir, RealtimeSettings settings, Duration httpIdleTimeout) {
        Json json = new Json();
        storage = SqliteStorage.open(SqliteConfig.of(dataDir));
        delivery = new Delivery(json, meters);
        services = Services.create(storage, delivery, Limits.DEFAULTS, Clock.systemUTC(), PasswordHasher.forTests());
        endpoint = new WebSocketEndpoint(services, delivery, json, new ErrorMessages(), meters, "test-node",
                Clock.systemUTC(), settings);
        server = Server.builder().http(0)
                // Any other path stays Armeria's; the answer names the protocol it came over.
                .service("glob:/**", (ctx, req) -> HttpResponse.of("armeria " + ctx.sessionProtocol().uriText() + " " + ctx.path()))
                .childChannelPipelineCustomizer(endpoint.pipelineCustomizer())
                .childChannelOption(ChannelOption.TCP_NODELAY, true)
                .idleTimeout(httpIdleTimeout)
                .gracefulShutdownTimeoutMillis(0, 0) // the sockets are closed by endpoint.shutdown() first
                .build();
        server.start().join();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.activeLocalPort() + "/ws");
    }

    int port() {
        return server.activeLocalPort();
    }

    /** Signs up a new user named after {@code name} (made unique, so tests can share a server) and logs a phone in. */
    LoginResult user(String name) {
        String username = name + "-" + USERS.incrementAndGet();
        services.accounts().signUp(username, "correct horse", name);
        return login(username, "phone");
    }

    LoginResult login(String username, String device) {
        return services.accounts().logIn(username, "correct horse", device, "127.0.0.1");
    }

    static AuthContext auth(LoginResult login) {
        return new AuthContext(login.account().id(), login.session().id());
    }

    Room group(LoginResult owner, LoginResult... members) {
        return services.rooms().createGroup(auth(owner), "room",
                Stream.of(members).map(m -> m.account().username().value()).toList());
    }

    @Override
    public void close() throws Exception {
        endpoint.shutdown();
        server.stop().join();
        storage.close();
    }
}
