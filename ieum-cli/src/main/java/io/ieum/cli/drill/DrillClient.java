package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.SyncPage;
import io.ieum.client.realtime.CatchUp;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;
import io.ieum.client.realtime.ConnectionState;
import io.ieum.client.realtime.MessageIdClock;
import io.ieum.client.realtime.NettyTransport;
import io.ieum.devcluster.Site;

/**
 * One simulated person: an account, a Java client whose site list starts at its home site (then the
 * other two, as an app would be configured), and a realtime connection that sends and receives.
 * Everything it is pushed is kept per room, so its view can be checked against what was acknowledged.
 */
final class DrillClient implements AutoCloseable {

    final int index;
    final Site home;
    final String username;
    private final IeumClient rest;
    private final DrillLog log;
    private final ConcurrentHashMap<String, List<String>> received = new ConcurrentHashMap<>();
    private final List<String> rooms = new ArrayList<>();
    private final List<String> transitions = new ArrayList<>();
    private final FailoverTrace trace;
    private final TracingTransport transport;
    private final ScheduledExecutorService timer;
    private final boolean socketCatchUp;
    private Connection connection;
    private int sequence;
    private int turn;

    DrillClient(int index, Site home, String username, List<URI> sitesHomeFirst, DrillLog log, boolean socketCatchUp) {
        this.index = index;
        this.home = requireNonNull(home, "home");
        this.username = requireNonNull(username, "username");
        this.log = requireNonNull(log, "log");
        this.rest = IeumClient.create(ClientOptions.builder().servers(sitesHomeFirst)
                .deviceName("drill-" + index).build());
        this.trace = new FailoverTrace(log::now);
        this.socketCatchUp = socketCatchUp;
        ClientOptions options = rest.options();
        this.transport = new TracingTransport(new NettyTransport(options.ioThreads(), options.bindAddress().orElse(null),
                NettyTransport.MAX_FRAME_BYTES), trace);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drill-c" + index + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Every step of its realtime connection: where a failover's time went. */
    FailoverTrace trace() {
        return trace;
    }

    IeumClient rest() {
        return rest;
    }

    synchronized void joined(String roomId) {
        rooms.add(requireNonNull(roomId, "roomId"));
    }

    synchronized List<String> rooms() {
        return List.copyOf(rooms);
    }

    synchronized String firstRoom() {
        return rooms.get(0);
    }

    /** Sends the next message to its rooms in turn. */
    void sendNext() {
        String room;
        synchronized (this) {
            room = rooms.get(turn++ % rooms.size());
        }
        send(room);
    }

    void signUpAndLogIn(String password) {
        rest.signUp(username, password, "Drill " + index);
        rest.logIn(username, password);
    }

    /**
     * Opens the realtime connection as {@link IeumClient#connect} does (same site list, options, token
     * and catch-up), over a transport and a catch-up that record each step into {@link #trace()}.
     */
    void connect() throws Exception {
        connection = new Connection(transport, rest.sites(), rest.options(), rest.token(), timer, new ConnectionListener() {
            @Override
            public void onEntry(EntryView entry) {
                received.computeIfAbsent(entry.roomId(), r -> new ArrayList<>());
                List<String> ids = received.get(entry.roomId());
                synchronized (ids) {
                    ids.add(entry.id());
                }
            }

            @Override
            public void onStateChange(ConnectionState state) {
                synchronized (transitions) {
                    transitions.add(state + "@" + log.now() + "ms");
                }
            }
        }, MessageIdClock.system(), socketCatchUp ? null : tracedCatchUp(rest.catchUp()),
                socketCatchUp ? null : rest.catchUpExecutor());
        connection.start(null);
        connection.ready().get(60, TimeUnit.SECONDS);
    }

    /** {@code catchUp}, with each page it asks for and gets in the trace. */
    private CatchUp tracedCatchUp(CatchUp catchUp) {
        int[] pages = {0};
        return (cursor, continuation) -> {
            String site = rest.sites().current().getRawAuthority();
            if (!continuation) {
                pages[0] = 0;
            }
            trace.record(FailoverStep.Kind.CATCH_UP, site, Integer.toString(pages[0] + 1));
            SyncPage page = catchUp.page(cursor, continuation);
            pages[0]++;
            trace.record(page.hasMore() ? FailoverStep.Kind.SYNC_PAGE : FailoverStep.Kind.SYNCED, site,
                    Integer.toString(pages[0]));
            return page;
        };
    }

    /** Sends the next message to {@code roomId}; the record says when it was acknowledged, or why not. */
    void send(String roomId) {
        String id = connection.newMessageId();
        String text = "drill c" + index + " #" + (++sequence);
        SendRecord record = new SendRecord(index, roomId, id, text, log.now());
        log.add(record);
        connection.send(id, roomId, text, null, List.of()).whenComplete((ack, failure) -> {
            if (failure == null) {
                record.acked(log.now());
            } else {
                String kind = kindOf(failure);
                record.failed(kind);
                log.error("send: " + kind);
            }
        });
    }

    /** IDs pushed to this client per room, in arrival order, each once. */
    List<String> receivedIn(String roomId) {
        List<String> ids = received.getOrDefault(roomId, List.of());
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }

    /** Its connection's state changes, "STATE@time", oldest first. */
    String transitions() {
        synchronized (transitions) {
            return transitions.isEmpty() ? "no change" : String.join(", ", transitions);
        }
    }

    int pendingSends() {
        return connection == null ? 0 : connection.pendingSends();
    }

    long reconnects() {
        return connection == null ? 0 : connection.metrics().reconnects();
    }

    /** The site this client's connection uses now. */
    URI site() {
        return connection == null ? rest.sites().current() : connection.site();
    }

    private static String kindOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof IeumClientException e ? e.error() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        timer.shutdownNow();
        transport.close();
        rest.close();
    }
}
