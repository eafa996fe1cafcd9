package io.ieum.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpStatusClass;
import com.linecorp.armeria.common.logging.LogLevel;
import com.linecorp.armeria.common.logging.LogWriter;
import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.logging.LoggingService;
import com.linecorp.armeria.server.metric.MetricCollectingService;

import io.ieum.core.service.EventSink;
import io.ieum.core.service.PasswordHashCost;
import io.ieum.core.service.PasswordHasher;
import io.ieum.core.service.Services;
import io.ieum.core.store.Storage;
import io.ieum.server.api.AccountsApi;
import io.ieum.server.api.AttachmentsApi;
import io.ieum.server.api.BookingsApi;
import io.ieum.server.api.ChannelsApi;
import io.ieum.server.api.ExportApi;
import io.ieum.server.api.FriendsApi;
import io.ieum.server.api.MessagesApi;
import io.ieum.server.api.OrdersApi;
import io.ieum.server.api.RoomsApi;
import io.ieum.server.api.SessionsApi;
import io.ieum.server.api.SitesApi;
import io.ieum.server.api.SyncApi;
import io.ieum.server.cluster.Cluster;
import io.ieum.server.config.ServerConfig;
import io.ieum.server.error.ErrorMapper;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.error.JsonErrorHandler;
import io.ieum.server.export.ExportWriter;
import io.ieum.server.http.BearerAuth;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Json;
import io.ieum.server.ops.HealthService;
import io.ieum.server.ops.StatusService;
import io.ieum.server.ops.Metrics;
import io.ieum.server.ops.MetricsService;
import io.ieum.server.web.WebAssets;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.ChannelOption;

/**
 * A running Ieum server: storage, domain services, REST, WebSocket, health and metrics, wired from
 * one {@link ServerConfig}. The CLI and the tests start it with {@link #start}.
 */
public final class IeumServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IeumServer.class);

    private final ServerConfig config;
    private final Server server;
    private final OpenChannels channels;
    private final Storage storage;
    private final Services services;
    private final Realtime realtime;
    private final Cluster cluster;
    private boolean closed;

    private IeumServer(ServerConfig config, Server server, OpenChannels channels, Storage storage, Services services,
                       Realtime realtime, Cluster cluster) {
        this.channels = channels;
        this.cluster = cluster;
        this.config = config;
        this.server = server;
        this.storage = storage;
        this.services = services;
        this.realtime = realtime;
    }

    public static IeumServer start(ServerConfig config) {
        requireNonNull(config, "config");
        Storage storage = StorageFactory.open(config.storage(), config.cassandra());
        try {
            return wire(config, storage);
        } catch (RuntimeException e) {
            closeQuietly(storage);
            throw e;
        }
    }

    private static IeumServer wire(ServerConfig config, Storage storage) {
        Clock clock = Clock.systemUTC();
        Json json = new Json();
        ErrorMessages messages = new ErrorMessages();
        ErrorMapper errors = new ErrorMapper(messages, json);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics(meters);
        Metrics metrics = new Metrics(meters);

        warnIfPasswordHashingIsWeak(config);
        EventSink delivery = RealtimeWiring.delivery(json, meters);
        String nodeName = config.node().nameOr(hostname(), config.http().port() != 0 ? config.http().port()
                : ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        // Services publish to the cluster sink: local sockets first, then every live peer.
        Cluster cluster = Cluster.create(config.node(), nodeName, delivery, meters, clock);
        Services services;
        try {
            services = Services.create(storage, cluster.events(), config.limits(), clock,
                    new PasswordHasher(config.passwordHashing()));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.onMembersChanged(services.membership()::invalidate);
        Realtime realtime = RealtimeWiring.endpoint(services, delivery, json, messages, meters, nodeName, clock,
                config.node().syncNudgeWindow());
        // A peer's event this node may have missed: its devices sync from their cursors (ADR 0006).
        cluster.onPossibleGap(realtime::nudgeSync);

        OpenChannels channels = new OpenChannels();
        ServerBuilder sb = Server.builder()
                .http(new InetSocketAddress(config.http().host(), config.http().port()))
                .childChannelOption(ChannelOption.TCP_NODELAY, true)
                // One loop per core by default, not Armeria's two: fewer wake-ups, each doing more (ADR 0024).
                .workerGroup(config.http().eventLoopCount())
                // GET /ws and peers' GET /internal/events leave Armeria for plain Netty WebSocket
                // pipelines on the same port (ADR 0007, 0006).
                .childChannelPipelineCustomizer(channels.tracker().andThen(realtime.pipelineCustomizer())
                        .andThen(cluster.pipelineCustomizer()))
                .meterRegistry(meters)
                .errorHandler(new JsonErrorHandler(errors))
                .maxRequestLength(config.http().maxRequestBytes())
                // Armeria's graceful shutdown waits for requests in flight; new ones get 503 busy.
                .gracefulShutdownTimeout(Duration.ZERO, config.http().shutdownGrace());
        sb.decorator(MetricCollectingService.newDecorator(MeterIdPrefixFunction.ofDefault("ieum.http")));
        sb.decorator(accessLog());
        // Bearer tokens, never cookies: a web client loaded from one site may call another.
        sb.decorator(CorsService.builderForAnyOrigin()
                .allowRequestMethods(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                .allowRequestHeaders(HttpHeaderNames.AUTHORIZATION, HttpHeaderNames.CONTENT_TYPE,
                        HttpHeaderNames.ACCEPT_LANGUAGE)
                .exposeHeaders(HttpHeaderNames.RETRY_AFTER)
                .preflightResponseHeader(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600")
                .newDecorator());

        Responses responses = new Responses(json);
        BearerAuth auth = new BearerAuth(services.accounts());
        Router router = new Router(sb, auth, errors, json, config.http().maxRequestBytes());
        new AccountsApi(services, responses, json).register(router);
        new SessionsApi(services, auth, responses, metrics).register(router);
        new FriendsApi(services, responses).register(router);
        new RoomsApi(services, responses).register(router);
        new MessagesApi(services, responses, metrics).register(router);
        new SyncApi(services, responses).register(router);
        new AttachmentsApi(services, responses, metrics).register(router);
        new ExportApi(new ExportWriter(services, json, clock)).register(router);
        new ChannelsApi(services, responses).register(router);
        new OrdersApi(services, responses).register(router);
        new BookingsApi(services, responses).register(router);
        new SitesApi(config.node().peers(), responses).register(router);
        sb.service(Cluster.PATH, cluster.internalRefusals());
        sb.service("/health", new HealthService(storage.health(), realtime::connectionCount,
                cluster.hasPeers() ? cluster.membership()::summary : null, json));
        sb.service("/metrics", new MetricsService(meters));
        String site = "cassandra".equals(config.storage().backend()) ? config.cassandra().localDatacenter() : null;
        new StatusService(nodeName, site, storage.backend(), storage.health(), config.node().peers(), json, clock)
                .register(sb);
        new WebAssets().register(sb);

        Server server = sb.build();
        try {
            server.start().join();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        IeumServer ieum = new IeumServer(config, server, channels, storage, services, realtime, cluster);
        log.info("Ieum listening on {} (node {}, storage {} at {})", ieum.uri(), nodeName, storage.backend(),
                "cassandra".equals(config.storage().backend())
                        ? config.cassandra().localDatacenter() + " via " + config.cassandra().contactPoints()
                        : config.storage().dataDir());
        return ieum;
    }

    /** A cost below OWASP's minimum is for tests and development; say so loudly where operators look. */
    private static void warnIfPasswordHashingIsWeak(ServerConfig config) {
        if (!config.passwordHashing().meetsOwaspMinimum()) {
            log.warn("passwordHashing is below OWASP's minimum ({}; OWASP: {}): new password hashes are cheap to "
                    + "crack. For tests and development only, never for real accounts.", config.passwordHashing(),
                    PasswordHashCost.OWASP);
        }
    }

    public int port() {
        return server.activeLocalPort();
    }

    public URI uri() {
        return URI.create("http://" + uriHost(config.http().host()) + ":" + port());
    }

    public Services services() {
        return services;
    }

    /** The other nodes as this one sees them, and the node-to-node event bus. */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * Stops gracefully: realtime sockets are told to reconnect elsewhere (1001), requests in flight get
     * up to {@code shutdownGrace} to finish, and only then is storage closed, which commits every
     * pending write — an acknowledged message is never dropped.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Ieum stopping: {}", uri());
        try {
            cluster.close(); // peers see this node down at once; nothing more is forwarded
        } catch (RuntimeException e) {
            log.warn("Cluster shutdown failed", e);
        }
        try {
            realtime.shutdown();
        } catch (RuntimeException e) {
            log.warn("Realtime shutdown failed", e);
        }
        CompletableFuture<Void> stopped = server.stop();
        stopped.whenComplete((ignored, e) -> {
            if (e != null) {
                log.warn("HTTP server stop failed", e);
            }
        });
        // Armeria closes the listener once requests in flight end (or shutdownGrace passes), then every
        // connection; its acceptor thread's own 2 s shutdown may end after this returns (OpenChannels).
        CompletableFuture.anyOf(stopped, channels.whenClosed()).join();
        closeQuietly(storage);
        log.info("Ieum stopped");
    }

    /** Every request at debug; only server failures (5xx, or a failure before answering) at warn. */
    private static Function<? super HttpService, LoggingService> accessLog() {
        LogWriter writer = LogWriter.builder()
                .requestLogLevel(LogLevel.DEBUG)
                .successfulResponseLogLevel(LogLevel.DEBUG)
                .responseLogLevel(HttpStatusClass.CLIENT_ERROR, LogLevel.DEBUG)
                .failureResponseLogLevel(LogLevel.WARN)
                .build();
        return LoggingService.builder().logWriter(writer).newDecorator();
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry meters) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
    }

    private static void closeQuietly(Storage storage) {
        try {
            storage.close();
        } catch (Exception e) {
            log.error("Closing storage failed", e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String uriHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
