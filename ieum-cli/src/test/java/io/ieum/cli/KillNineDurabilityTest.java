package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.HistoryPage;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;

/**
 * Durability proven the hard way: the server runs as its own process, several clients send under
 * load over WebSockets, the process is killed with SIGKILL at a random moment, restarted on the
 * same data, and every message that was acknowledged before the kill must be there exactly once.
 */
class KillNineDurabilityTest {

    private static final int SENDERS = 4;
    private static final int IN_FLIGHT_PER_SENDER = 64;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedMessageShouldSurviveKillNineExactlyOnce() throws Exception {
        try (ServerProcess server = ServerProcess.start(work.resolve("data"), work.resolve("server.log"))) {
            List<IeumClient> users = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                users.add(signedUp(server.uri(), "sender" + i));
            }
            String roomId = users.get(0).createGroup("durability",
                    users.subList(1, SENDERS).stream().map(u -> u.me().username()).toList()).id();

            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            Map<String, String> attempted = new ConcurrentHashMap<>();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            List<Connection> connections = new ArrayList<>();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                Connection connection = users.get(i).connect(ConnectionListener.NONE);
                connection.ready().orTimeout(30, TimeUnit.SECONDS).join();
                connections.add(connection);
                int sender = i;
                Thread thread = new Thread(() -> sendUntilKilled(connection, roomId, sender, attempted, acknowledged,
                        killed, sent), "sender-" + i);
                thread.start();
                senders.add(thread);
            }

            int killAfter = 400 + ThreadLocalRandom.current().nextInt(800);
            await("acknowledged sends before the kill").atMost(Duration.ofMinutes(2))
                    .until(() -> acknowledged.size() >= killAfter);
            server.killNine();
            killed.set(true);
            for (Thread thread : senders) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            connections.forEach(Connection::close);
            Map<String, String> acknowledgedBeforeKill = Map.copyOf(acknowledged);
            users.forEach(IeumClient::close);

            server.restart();
            IeumClient reader = loggedIn(server.uri(), "sender0");
            List<EntryView> messages = wholeHistory(reader, roomId);

            Set<String> storedIds = new HashSet<>();
            Map<String, Integer> textCount = new HashMap<>();
            for (EntryView entry : messages) {
                assertThat(storedIds.add(entry.id())).as("entry %s listed once", entry.id()).isTrue();
                textCount.merge(entry.text(), 1, Integer::sum);
            }
            System.out.printf("kill -9 after %d acks: attempted %d, acknowledged %d, stored %d%n",
                    killAfter, attempted.size(), acknowledgedBeforeKill.size(), storedIds.size());
            assertThat(acknowledgedBeforeKill).hasSizeGreaterThanOrEqualTo(killAfter);
            assertThat(storedIds).as("every acknowledged message is stored")
                    .containsAll(acknowledgedBeforeKill.keySet());
            for (Map.Entry<String, String> ack : acknowledgedBeforeKill.entrySet()) {
                assertThat(textCount.get(ack.getValue())).as("copies of %s", ack.getValue()).isEqualTo(1);
            }
            assertThat(storedIds).as("nothing stored that was never sent").isSubsetOf(attempted.keySet());
            reader.close();
        }
    }

    private static void sendUntilKilled(Connection connection, String roomId, int sender, Map<String, String> attempted,
                                        Map<String, String> acknowledged, AtomicBoolean killed, AtomicInteger sent) {
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(IN_FLIGHT_PER_SENDER);
        int n = 0;
        while (!killed.get()) {
            try {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            String id = connection.newMessageId();
            String text = "sender " + sender + " message " + (n++);
            attempted.put(id, text);
            sent.incrementAndGet();
            connection.send(id, roomId, text, null, List.of()).whenComplete((ack, failure) -> {
                if (failure == null) {
                    // The server is dead after the kill, so every ack ever received was sent before it.
                    acknowledged.put(ack.id(), text);
                }
                window.release();
            });
        }
    }

    private static List<EntryView> wholeHistory(IeumClient client, String roomId) {
        List<EntryView> messages = new ArrayList<>();
        String before = null;
        while (true) {
            HistoryPage page = client.history(roomId, before, 200);
            for (EntryView entry : page.entries()) {
                if (entry.kind().equals("MESSAGE")) {
                    messages.add(entry);
                }
            }
            if (!page.hasMore() || page.entries().isEmpty()) {
                return messages;
            }
            before = page.entries().get(page.entries().size() - 1).id();
        }
    }

    private static IeumClient signedUp(URI server, String username) {
        IeumClient client = IeumClient.create(ClientOptions.builder().server(server).deviceName("durability").build());
        client.signUp(username, "password-" + username, username);
        client.logIn(username, "password-" + username);
        return client;
    }

    private static IeumClient loggedIn(URI server, String username) {
        IeumClient client = IeumClient.create(ClientOptions.builder().server(server).deviceName("reader").build());
        client.logIn(username, "password-" + username);
        return client;
    }
}
