package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.model.BookingResult;
import io.ieum.client.model.OrderResult;
import io.ieum.client.model.OrderView;
import io.ieum.client.realtime.MessageIdClock;

/** The client library's shop calls against the real server (SQLite): the storm test's building blocks. */
class ShopClientEndToEndTest {

    @TempDir
    Path dataDir;

    private RunningServer server;
    private IeumClient owner;
    private IeumClient customer;
    private StormShop shop;

    @BeforeEach
    void shopWithACustomer() throws Exception {
        server = RunningServer.start(dataDir);
        owner = user(List.of(server.uri()), "owner");
        IeumClient staff = user(List.of(server.uri()), "staff");
        staff.close();
        shop = StormShop.open(owner, List.of("staff"));
        // The customer's first site refuses connections: every call fails over to the live one.
        customer = user(List.of(URI.create("http://127.0.0.1:" + freePort()), server.uri()), "sora");
    }

    @AfterEach
    void stop() {
        owner.close();
        customer.close();
        server.close();
    }

    @Test
    void bookingRetriedWithTheSameIdAfterAFailoverShouldBeOneBooking() {
        Instant slot = StormShop.slotsTomorrow(10, 1).get(0);
        String id = customer.newMessageId();

        BookingResult first = customer.shops().book(shop.channel(), id, shop.serviceId(), shop.bookableStaffId(), slot);
        BookingResult again = customer.shops().book(shop.channel(), id, shop.serviceId(), shop.bookableStaffId(), slot);

        assertThat(customer.sites().current()).isEqualTo(server.uri());
        assertThat(first.status()).isEqualTo("stored");
        assertThat(again.isDuplicate()).isTrue();
        // The first answer carries the server's clock to the nanosecond, the stored row to the millisecond.
        assertThat(again.booking()).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(first.booking());
        assertThat(owner.shops().bookings(shop.channel(), slot.minusSeconds(3600), slot.plusSeconds(3600)))
                .singleElement().satisfies(b -> assertThat(b.id()).isEqualTo(id));
        String other = customer.newMessageId();
        assertThatThrownBy(() -> customer.shops().book(shop.channel(), other, shop.serviceId(), shop.bookableStaffId(), slot))
                .isInstanceOfSatisfying(IeumClientException.class, e -> assertThat(e.error()).isEqualTo("slot_taken"));
    }

    @Test
    void orderPlacedTwiceShouldBeOneOrderAndRacingMovesShouldHaveOneWinner() {
        String id = customer.newMessageId();
        OrderResult first = customer.shops().placeOrder(shop.channel(), id, shop.oneCake());
        OrderResult again = customer.shops().placeOrder(shop.channel(), id, shop.oneCake());
        assertThat(first.status()).isEqualTo("stored");
        assertThat(again.isDuplicate()).isTrue();
        assertThat(again.order().createdAt()).isEqualTo(first.order().createdAt());
        assertThat(first.order().total()).isEqualTo(30_000);
        assertThat(owner.shops().board(shop.channel(), 10)).singleElement().satisfies(o -> assertThat(o.id()).isEqualTo(id));

        OrderView accepted = owner.shops().moveOrder(shop.channel(), id, "ACCEPTED", null, 1);
        OrderView retried = owner.shops().moveOrder(shop.channel(), id, "ACCEPTED", null, 1);
        assertThat(accepted.version()).isEqualTo(2);
        assertThat(retried).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(accepted);
        assertThatThrownBy(() -> owner.shops().moveOrder(shop.channel(), id, "REJECTED", "sold out", 1))
                .isInstanceOfSatisfying(IeumClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error()).isEqualTo("state_changed");
                });
        assertThat(customer.shops().order(shop.channel(), id).status()).isEqualTo("ACCEPTED");
    }

    @Test
    void aLateResendOfAnOrderNeverStoredShouldBeStoredIfItsFirstTryBeganHere() throws Exception {
        // IDs an app made 90 s ago: past the 60 s freshness rule (ADR 0002), as after a shop stayed busy (ADR 0016).
        MessageIdClock ninetySecondsAgo = new MessageIdClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-90)));
        String retried = ninetySecondsAgo.nextId().toString();
        String neverTried = ninetySecondsAgo.nextId().toString();
        markBegun("order_attempts", shop.channel(), retried);

        OrderResult stored = customer.shops().placeOrder(shop.channel(), retried, shop.oneCake());
        OrderResult again = customer.shops().placeOrder(shop.channel(), retried, shop.oneCake());

        assertThat(stored.status()).isEqualTo("stored");
        assertThat(stored.order().id()).isEqualTo(retried);
        assertThat(again.isDuplicate()).isTrue();
        assertThat(owner.shops().order(shop.channel(), retried).status()).isEqualTo("NEW");
        assertThatThrownBy(() -> customer.shops().placeOrder(shop.channel(), neverTried, shop.oneCake()))
                .isInstanceOfSatisfying(IeumClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("invalid_field");
                    assertThat(e.getMessage()).contains("id: " + neverTried + " was made at");
                });
    }

    @Test
    void aLateResendOfABookingWhoseClaimNeverLandedShouldBookIfItsFirstTryBeganAtThisShop() throws Exception {
        // As in run 9 of the shop storm: booking calls busy past 60 s, then resent under the same IDs (ADR 0016).
        MessageIdClock ninetySecondsAgo = new MessageIdClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-90)));
        MessageIdClock thirtySecondsAhead = new MessageIdClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)));
        List<Instant> slots = StormShop.slotsTomorrow(10, 2);
        String retried = ninetySecondsAgo.nextId().toString();
        String takenMeanwhile = ninetySecondsAgo.nextId().toString();
        String neverTried = ninetySecondsAgo.nextId().toString();
        String begunElsewhere = ninetySecondsAgo.nextId().toString();
        String future = thirtySecondsAhead.nextId().toString();
        markBegun("booking_attempts", shop.channel(), retried);
        markBegun("booking_attempts", shop.channel(), takenMeanwhile);
        markBegun("booking_attempts", UUID.randomUUID().toString(), begunElsewhere);
        markBegun("booking_attempts", shop.channel(), future);

        BookingResult booked = customer.shops().book(shop.channel(), retried, shop.serviceId(), shop.bookableStaffId(), slots.get(0));
        BookingResult again = customer.shops().book(shop.channel(), retried, shop.serviceId(), shop.bookableStaffId(), slots.get(0));

        assertThat(booked.status()).isEqualTo("stored");
        assertThat(booked.booking().id()).isEqualTo(retried);
        assertThat(again.isDuplicate()).isTrue();
        assertThat(owner.shops().bookings(shop.channel(), slots.get(0).minusSeconds(3600), slots.get(1).plusSeconds(3600)))
                .singleElement().satisfies(b -> assertThat(b.id()).isEqualTo(retried));
        // A genuine retry still goes through the claim: the slot went to another booking meanwhile.
        assertThatThrownBy(() -> customer.shops().book(shop.channel(), takenMeanwhile, shop.serviceId(), shop.bookableStaffId(),
                slots.get(0))).isInstanceOfSatisfying(IeumClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error()).isEqualTo("slot_taken");
                });
        for (String refused : List.of(neverTried, begunElsewhere, future)) {
            assertThatThrownBy(() -> customer.shops().book(shop.channel(), refused, shop.serviceId(), shop.bookableStaffId(),
                    slots.get(1))).as("booking %s", refused).isInstanceOfSatisfying(IeumClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error()).isEqualTo("invalid_field");
                        assertThat(e.getMessage()).contains("id: " + refused + " was made at");
                    });
        }
        assertThat(owner.shops().bookings(shop.channel(), slots.get(0).minusSeconds(3600), slots.get(1).plusSeconds(3600)))
                .singleElement().satisfies(b -> assertThat(b.id()).isEqualTo(retried));
    }

    /**
     * What a create leaves in the server's SQLite file ({@code order_attempts} or {@code booking_attempts})
     * when it dies after marking its try and before storing anything else (a crash, a busy writer): the
     * one thing that lets a late resend through.
     */
    private void markBegun(String table, String channelId, String id) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("ieum.db").toAbsolutePath());
             PreparedStatement insert = db.prepareStatement("INSERT INTO " + table + " (channel_id, id) VALUES (?, ?)")) {
            db.createStatement().execute("PRAGMA busy_timeout = 10000");
            insert.setBytes(1, bytes(UUID.fromString(channelId)));
            insert.setBytes(2, bytes(UUID.fromString(id)));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    private static IeumClient user(List<URI> sites, String username) {
        IeumClient client = IeumClient.create(ClientOptions.builder().servers(sites).deviceName("test")
                .connectTimeout(Duration.ofSeconds(2)).build());
        client.signUp(username, "correct horse battery", username);
        client.logIn(username, "correct horse battery");
        return client;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
