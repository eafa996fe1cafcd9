package io.ieum.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.client.model.AttachmentView;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.Friends;
import io.ieum.client.model.Health;
import io.ieum.client.model.HistoryPage;
import io.ieum.client.model.LoginResult;
import io.ieum.client.model.Room;
import io.ieum.client.model.RoomSummary;
import io.ieum.client.model.SendResult;
import io.ieum.client.model.SessionView;
import io.ieum.client.model.SyncPage;
import io.ieum.client.model.UserView;
import io.ieum.client.realtime.CatchUp;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;
import io.ieum.client.realtime.MessageIdClock;
import io.ieum.client.realtime.NettyTransport;
import io.ieum.client.realtime.RealtimeTransport;

/**
 * The Ieum client: one typed method per REST call of docs/protocol.md, and {@link #connect} for
 * realtime. Calls block; a refused connection or a {@code 503 busy} is retried on the next site.
 * {@link #logIn} keeps the token for later calls; {@link #as(String)} gives a client for another
 * token that shares this one's threads and sockets (a load test runs thousands of users on one).
 */
public final class IeumClient implements AutoCloseable {

    /** The largest sync page the server serves (its {@code MessageService.MAX_PAGE}). */
    static final int MAX_SYNC_PAGE = 200;

    private final ClientOptions options;
    private final Resources resources;
    private final boolean ownsResources;
    private final MessageIdClock clock = MessageIdClock.system();
    private volatile String token;

    private IeumClient(ClientOptions options, Resources resources, boolean ownsResources, String token) {
        this.options = options;
        this.resources = resources;
        this.ownsResources = ownsResources;
        this.token = token;
    }

    public static IeumClient create(ClientOptions options) {
        requireNonNull(options, "options");
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout());
        options.executor().ifPresent(http::executor);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ieum-client-timer");
            t.setDaemon(true);
            return t;
        });
        SiteList sites = new SiteList(options.servers());
        HttpClient client = http.build();
        // Catch-ups after a reconnect block on REST calls: a thread each while they run, none when idle.
        ExecutorService catchUps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ieum-client-catch-up");
            t.setDaemon(true);
            return t;
        });
        RealtimeTransport realtime = new NettyTransport(options.ioThreads(), options.bindAddress().orElse(null),
                NettyTransport.MAX_FRAME_BYTES);
        return new IeumClient(options, new Resources(client, sites, scheduler,
                new RestTransport(client, sites, options), realtime, catchUps), true, null);
    }

    /** A client acting with {@code token}, sharing this client's HTTP client, timers and site list. */
    public IeumClient as(String token) {
        return new IeumClient(options, resources, false, requireNonNull(token, "token"));
    }

    /** A client without a token (to sign up or log in another user) sharing this one's resources. */
    public IeumClient sibling() {
        return new IeumClient(options, resources, false, null);
    }

    public String token() {
        return token;
    }

    public ClientOptions options() {
        return options;
    }

    public SiteList sites() {
        return resources.sites();
    }

    /** The business-channel calls (shops, orders, bookings) with this client's token. */
    public ShopClient shops() {
        return new ShopClient(this);
    }

    // ---- accounts and sessions -------------------------------------------------------------

    public UserView signUp(String username, String password, String displayName) {
        // Not idempotent: a repeat after a lost answer would say username_taken.
        return call(RestCall.json("POST", "/api/accounts",
                Map.of("username", username, "password", password, "displayName", displayName), false), UserView.class);
    }

    /** Logs in and keeps the token for the calls that follow. */
    public LoginResult logIn(String username, String password) {
        LoginResult result = call(RestCall.json("POST", "/api/sessions",
                Map.of("username", username, "password", password, "deviceName", options.deviceName()), false),
                LoginResult.class);
        token = result.token();
        return result;
    }

    public void logOut() {
        callNoContent(RestCall.delete("/api/sessions/current"));
        token = null;
    }

    public List<SessionView> sessions() {
        JsonNode node = call(RestCall.get("/api/sessions"), JsonNode.class);
        return list(node.path("sessions"), SessionView.class);
    }

    public void revokeSession(String sessionId) {
        callNoContent(RestCall.delete("/api/sessions/" + segment(sessionId)));
    }

    public UserView me() {
        return call(RestCall.get("/api/me"), UserView.class);
    }

    /**
     * Changes the profile fields given; a field absent from {@code changes} stays as it is, and
     * {@code "avatar" -> null} removes the avatar.
     */
    public UserView updateProfile(Map<String, String> changes) {
        return call(RestCall.json("PATCH", "/api/me", new HashMap<>(changes), true), UserView.class);
    }

    public UserView user(String username) {
        return call(RestCall.get("/api/users/" + segment(username)), UserView.class);
    }

    // ---- friends and blocks ----------------------------------------------------------------

    public Friends friends() {
        return call(RestCall.get("/api/friends"), Friends.class);
    }

    public UserView addFriend(String username) {
        return call(RestCall.json("PUT", "/api/friends/" + segment(username), Map.of(), true), UserView.class);
    }

    public void removeFriend(String username) {
        callNoContent(RestCall.delete("/api/friends/" + segment(username)));
    }

    public UserView block(String username) {
        return call(RestCall.json("PUT", "/api/blocks/" + segment(username), Map.of(), true), UserView.class);
    }

    public void unblock(String username) {
        callNoContent(RestCall.delete("/api/blocks/" + segment(username)));
    }

    // ---- rooms -------------------------------------------------------------------------------

    public List<RoomSummary> rooms() {
        return list(call(RestCall.get("/api/rooms"), JsonNode.class).path("rooms"), RoomSummary.class);
    }

    /** The direct room with {@code username}: the same room for the same pair, so safe to repeat. */
    public Room openDirect(String username) {
        return call(RestCall.json("POST", "/api/rooms/direct", Map.of("username", username), true), Room.class);
    }

    public Room createGroup(String name, List<String> memberUsernames) {
        return call(RestCall.json("POST", "/api/rooms", Map.of("name", name, "members", memberUsernames), false),
                Room.class);
    }

    public Room room(String roomId) {
        return call(RestCall.get("/api/rooms/" + segment(roomId)), Room.class);
    }

    public Room invite(String roomId, List<String> usernames) {
        return call(RestCall.json("POST", "/api/rooms/" + segment(roomId) + "/members",
                Map.of("usernames", usernames), true), Room.class);
    }

    public void leave(String roomId) {
        callNoContent(RestCall.delete("/api/rooms/" + segment(roomId) + "/members/me"));
    }

    public void removeMember(String roomId, String userId) {
        callNoContent(RestCall.delete("/api/rooms/" + segment(roomId) + "/members/" + segment(userId)));
    }

    // ---- messages ----------------------------------------------------------------------------

    /** A page of history, newest first; {@code before} null for the newest page. */
    public HistoryPage history(String roomId, String before, int limit) {
        String query = "?limit=" + limit + (before == null ? "" : "&before=" + segment(before));
        return call(RestCall.get("/api/rooms/" + segment(roomId) + "/messages" + query), HistoryPage.class);
    }

    /** A fresh message (or order, booking) ID stamped with this client's (server-corrected, once connected) clock. */
    public String newMessageId() {
        return clock.nextId().toString();
    }

    public SendResult sendViaRest(String roomId, String text) {
        return sendViaRest(newMessageId(), roomId, text, null, List.of());
    }

    /** Sends with a caller-made ID; repeating it (here or on another site) yields the same message. */
    public SendResult sendViaRest(String id, String roomId, String text, String replyTo,
                                  List<AttachmentView> attachments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("text", text);
        body.put("replyTo", replyTo);
        body.put("attachments", attachments);
        return call(RestCall.json("POST", "/api/rooms/" + segment(roomId) + "/messages", body, true), SendResult.class);
    }

    public EntryView delete(String roomId, String entryId) {
        return call(RestCall.delete("/api/rooms/" + segment(roomId) + "/messages/" + segment(entryId)), EntryView.class);
    }

    public void markRead(String roomId, String upTo) {
        callNoContent(RestCall.json("POST", "/api/rooms/" + segment(roomId) + "/read", Map.of("upTo", upTo), true));
    }

    /** The first sync page from {@code since} (with the server's overlap); null since = from the start. */
    public SyncPage sync(String since, int limit) {
        String query = "?limit=" + limit + (since == null ? "" : "&since=" + segment(since));
        return call(RestCall.get("/api/sync" + query), SyncPage.class);
    }

    /** The continuation page after {@code cursor} (no overlap). */
    public SyncPage syncAfter(String cursor, int limit) {
        return call(RestCall.get("/api/sync?limit=" + limit + "&after=" + segment(cursor)), SyncPage.class);
    }

    // ---- attachments and export ------------------------------------------------------------

    /** Uploads a file, streamed from disk; retried on another site if the first cannot take it. */
    public AttachmentView uploadAttachment(Path file, String contentType) {
        String name = file.getFileName().toString();
        RestCall call = new RestCall("POST", "/api/attachments?name=" + segment(name), () -> {
            try {
                return BodyPublishers.ofFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, contentType, true, true);
        return call(call, AttachmentView.class);
    }

    /** Uploads a stream, read once (so not retried). */
    public AttachmentView uploadAttachment(InputStream content, String name, String contentType) {
        RestCall call = new RestCall("POST", "/api/attachments?name=" + segment(name),
                () -> BodyPublishers.ofInputStream(() -> content), contentType, false, false);
        return call(call, AttachmentView.class);
    }

    /** Streams an attachment of a room to {@code out}; returns the bytes copied. */
    public long downloadAttachment(String roomId, String sha256, OutputStream out) {
        return download("/api/rooms/" + segment(roomId) + "/attachments/" + segment(sha256), out, n -> {});
    }

    public long downloadAttachment(String roomId, String sha256, Path target) {
        return downloadTo("/api/rooms/" + segment(roomId) + "/attachments/" + segment(sha256), target, n -> {});
    }

    /** Streams my data export (a zip) to {@code target}; {@code progress} hears the bytes received so far. */
    public long export(Path target, LongConsumer progress) {
        return downloadTo("/api/me/export", target, progress);
    }

    // ---- operations --------------------------------------------------------------------------

    /** The health report; a DOWN server answers 503 with the same body, which is returned, not thrown. */
    public Health health() {
        HttpResponse<InputStream> response = resources.rest().exchange(RestCall.get("/health"), () -> token, true);
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw RestTransport.errorOf(response);
        }
        return Json.read(response.body(), Health.class);
    }

    /** The Prometheus text of {@code /metrics}. */
    public String metrics() {
        HttpResponse<InputStream> response = resources.rest().exchange(RestCall.get("/metrics"), () -> token);
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IeumClientException(0, IeumClientException.UNREACHABLE, "metrics: " + e.getMessage(), e);
        }
    }

    // ---- realtime ----------------------------------------------------------------------------

    /** A realtime connection that starts from now (entries older than the connection are not replayed). */
    public Connection connect(ConnectionListener listener) {
        return connect(listener, null);
    }

    /**
     * A realtime connection, already opening; {@code connection.start(...)} is called here, so wait
     * for the first {@code ready} with {@link Connection#ready()}. With {@code sinceCursor} it first
     * syncs everything after that entry ID.
     */
    public Connection connect(ConnectionListener listener, String sinceCursor) {
        if (token == null) {
            throw new IllegalStateException("token: null (expected: logIn(...) or as(token) before connect)");
        }
        Connection c = new Connection(resources.realtime(), resources.sites(), options, token, resources.scheduler(),
                listener, clock, catchUp(), catchUpExecutor());
        c.start(sinceCursor);
        return c;
    }

    /**
     * How a realtime connection of this client catches up after a reconnect: the REST sync, off the
     * socket (see {@link CatchUp}).
     */
    public CatchUp catchUp() {
        return (cursor, continuation) -> continuation ? syncAfter(cursor, MAX_SYNC_PAGE) : sync(cursor, MAX_SYNC_PAGE);
    }

    /**
     * One of the threads this client's realtime sockets do their I/O on (see
     * {@link io.ieum.client.realtime.RealtimeTransport#ioThread()}): with {@code ioThreads} 1, sends
     * made from a task run here go out without a hand-off between threads.
     */
    public Optional<ScheduledExecutorService> ioThread() {
        return resources.realtime().ioThread();
    }

    /** The threads {@link #catchUp()} runs on, shared by this client's connections. */
    public Executor catchUpExecutor() {
        return resources.catchUps();
    }

    @Override
    public void close() {
        if (ownsResources) {
            resources.scheduler().shutdownNow();
            resources.catchUps().shutdownNow();
            resources.realtime().close();
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------

    <T> T call(RestCall call, Class<T> type) {
        HttpResponse<InputStream> response = resources.rest().exchange(call, () -> token);
        try {
            return Json.read(response.body(), type);
        } catch (UncheckedIOException e) {
            throw new IeumClientException(response.statusCode(), "bad_response", e.getMessage(), e);
        }
    }

    private void callNoContent(RestCall call) {
        HttpResponse<InputStream> response = resources.rest().exchange(call, () -> token);
        try (InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the status already said it worked; a cut empty body changes nothing
        }
    }

    private long download(String path, OutputStream out, LongConsumer progress) {
        HttpResponse<InputStream> response = resources.rest().exchange(RestCall.get(path), () -> token);
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
                progress.accept(total);
            }
            return total;
        } catch (IOException e) {
            throw new IeumClientException(0, IeumClientException.UNREACHABLE, path + ": " + e.getMessage(), e);
        }
    }

    /** Writes to a temporary sibling first, so a cut download never leaves a half file under the real name. */
    private long downloadTo(String path, Path target, LongConsumer progress) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".part");
            try {
                long n;
                try (OutputStream out = Files.newOutputStream(temp)) {
                    n = download(path, out, progress);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                return n;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static <T> List<T> list(JsonNode array, Class<T> type) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> Json.convert(n, type)).toList();
    }

    static String segment(String value) {
        return URLEncoder.encode(requireNonNull(value, "value"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Resources(HttpClient http, SiteList sites, ScheduledExecutorService scheduler, RestTransport rest,
                             RealtimeTransport realtime, ExecutorService catchUps) {}
}
