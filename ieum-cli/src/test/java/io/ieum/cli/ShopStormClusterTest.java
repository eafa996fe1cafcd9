package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.ieum.cli.StormOutcome.Kind;
import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.model.BookingResult;
import io.ieum.client.model.BookingView;
import io.ieum.client.model.OrderResult;
import io.ieum.client.model.OrderView;
import io.ieum.devcluster.Site;

/**
 * Issue 5's storm on the real three-site cluster: customers spread over the sites compete for a
 * handful of booking slots and staff on different sites race to accept, reject or cancel the same
 * orders, while site 2 is killed ({@code cluster kill}, as the fire drill does) after the first
 * answers. Every call goes through the Java client library, which sends a call whose answer was
 * lost (site gone, request timeout) again to the next site with the same booking or order ID; a
 * booking or order still unknown after that (busy or unreachable everywhere) is sent again by the
 * customer, same ID, to another site, up to twice — also after the 60 s ID freshness rule (ADR 0016);
 * every answer a customer got is then sent once more to another site, as an app does after a lost
 * answer. Afterwards, read at each surviving site alone: exactly one booking per slot and per ID,
 * every "booked" answer stored as told, every stored booking told to someone (or its answer lost),
 * none whose last answer was "taken"; every order moved exactly once, to the state its one winner
 * was told; every order told "placed" stored and on the board, the board listing each ID once.
 */
@Tag("cassandra")
@ExtendWith(SharedClusterExtension.class)
class ShopStormClusterTest {

    private static final int CUSTOMERS = 18;
    private static final int RACED_ORDERS = 12;
    private static final int KILLED = 2;
    private static final int ANSWERS_BEFORE_KILL = 6;
    private static final String PASSWORD = "correct horse battery";
    private static final Set<String> LOSING_CODES = Set.of("slot_taken", "state_changed", "invalid_transition");
    /** Staff member on site N (index N-1) asks for this move; distinct targets make the winner plain. */
    private static final String[] TARGETS = {"ACCEPTED", "REJECTED", "CANCELLED"};

    private static Path dir;
    private static List<URI> sites;
    private static final List<IeumClient> clients = new CopyOnWriteArrayList<>();
    /** One client per site for the resends, shared by every customer through {@code as(token)}. */
    private static final Map<Integer, IeumClient> relays = new ConcurrentHashMap<>();

    @BeforeAll
    static void up() {
        Locale.setDefault(Locale.ENGLISH);
        // The JVM's one cluster (SharedClusterExtension): every site up; it goes down after the last class.
        dir = SharedCluster.get().dir();
        IeumSites ieum = IeumSites.attach(dir).orElseThrow();
        sites = Site.all().stream().map(site -> URI.create(ieum.url(site))).toList();
    }

    @AfterAll
    static void closeClients() {
        clients.forEach(IeumClient::close);
    }

    @Test
    void bookingsAndOrderMovesShouldKeepEveryPromiseWhileASiteIsKilledMidway() throws Exception {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(100_000, 999_999));
        IeumClient owner = signedIn(1, "owner" + run);
        IeumClient staff2 = signedIn(2, "staffb" + run);
        IeumClient staff3 = signedIn(3, "staffc" + run);
        StormShop shop = StormShop.open(owner, List.of("staffb" + run, "staffc" + run));
        List<IeumClient> customers = inParallel(IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> (Supplier<IeumClient>) () -> signedIn(1 + i % 3, "cust" + i + "x" + run)).toList());
        List<String> raced = new ArrayList<>();
        for (int i = 0; i < RACED_ORDERS; i++) {
            String id = customers.get(i).newMessageId();
            assertThat(customers.get(i).shops().placeOrder(shop.channel(), id, shop.oneCake()).status()).isEqualTo("stored");
            raced.add(id);
        }
        List<Instant> wave1 = StormShop.slotsTomorrow(10, 4);
        List<Instant> wave2 = StormShop.slotsTomorrow(14, 4);

        Storm storm = new Storm(shop);
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS + 4);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (IeumClient customer : customers) {
            work.add(CompletableFuture.runAsync(() -> {
                storm.placeOrder(customer);
                storm.bookOne(customer, wave1);
                storm.awaitKill();
                storm.bookOne(customer, wave2);
            }, pool));
        }
        List<IeumClient> staff = List.of(owner, staff2, staff3);
        for (int s = 0; s < staff.size(); s++) {
            IeumClient who = staff.get(s);
            String target = TARGETS[s];
            List<String> mine = new ArrayList<>(raced);
            Collections.shuffle(mine);
            work.add(CompletableFuture.runAsync(() -> {
                mine.subList(0, RACED_ORDERS / 2).forEach(order -> storm.move(who, order, target));
                storm.awaitKill();
                mine.subList(RACED_ORDERS / 2, RACED_ORDERS).forEach(order -> storm.move(who, order, target));
            }, pool));
        }
        work.add(CompletableFuture.runAsync(() -> storm.killSiteAfterFirstAnswers(dir), pool));
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        pool.shutdown();

        storm.report(System.out);
        assertThat(storm.killExit).as("cluster kill --site %d", KILLED).isZero();
        List<StormOutcome<?>> all = storm.all();
        assertThat(all).filteredOn(o -> o.kind() == Kind.WRONG).as("answers other than told / refused / unknown").isEmpty();
        assertThat(all).filteredOn(o -> o.startedNanos() > storm.killedAt).as("calls after the kill").isNotEmpty();
        assertThat(all).filteredOn(StormOutcome::failedOver).as("calls answered by another site than asked").isNotEmpty();

        for (int n : new int[] {1, 3}) {
            IeumClient ownerHere = pinned(n, owner.token());
            checkBookings(storm, ownerHere, wave1, wave2, n);
            checkRacedOrders(storm, ownerHere, raced, n);
            checkPlacedOrders(storm, ownerHere, raced, n);
        }
        checkResends(storm);
    }

    private static void checkBookings(Storm storm, IeumClient reader, List<Instant> wave1, List<Instant> wave2, int site) {
        List<BookingView> stored = reader.shops().bookings(storm.shop.channel(), wave1.get(0).minusSeconds(3600),
                wave2.get(wave2.size() - 1).plusSeconds(3600));
        assertThat(stored).extracting(BookingView::id).as("site %d: one booking per ID", site).doesNotHaveDuplicates();
        Map<Instant, BookingView> bySlot = new HashMap<>();
        for (BookingView b : stored) {
            assertThat(bySlot.put(b.start(), b)).as("site %d: a second booking at %s", site, b.start()).isNull();
            assertThat(Duration.between(b.start(), b.end())).isEqualTo(Duration.ofMinutes(30));
        }
        List<Instant> allSlots = new ArrayList<>(wave1);
        allSlots.addAll(wave2);
        assertThat(bySlot.keySet()).as("site %d: every slot booked once", site).containsExactlyInAnyOrderElementsOf(allSlots);
        Map<String, BookingView> told = new HashMap<>();
        for (StormOutcome<BookingView> o : storm.bookings) {
            if (o.kind() == Kind.TOLD) {
                assertThat(told.put(o.id(), o.value())).as("one answer per booking ID").isNull();
            }
        }
        for (BookingView b : told.values()) {
            assertThat(bySlot.get(b.start())).as("site %d: booked answer %s stored as told", site, b.id())
                    .extracting(BookingView::id, BookingView::customer, BookingView::status)
                    .containsExactly(b.id(), b.customer(), "BOOKED");
        }
        Set<String> unknown = storm.idsOf(storm.bookings, Kind.UNKNOWN);
        Set<String> refusedLast = storm.lastAnswered(storm.bookings, Kind.REFUSED);
        for (BookingView b : stored) {
            assertThat(told.containsKey(b.id()) || unknown.contains(b.id()))
                    .as("site %d: stored booking %s was told to its customer (or its answer was lost)", site, b.id()).isTrue();
            // A resend after an unknown answer told slot_taken: another booking held the slot, so this ID never can.
            assertThat(refusedLast).as("site %d: booking %s stored though its last answer was slot_taken", site, b.id())
                    .doesNotContain(b.id());
        }
    }

    private static void checkRacedOrders(Storm storm, IeumClient reader, List<String> raced, int site) {
        for (String id : raced) {
            OrderView order = reader.shops().order(storm.shop.channel(), id);
            assertThat(order.status()).as("site %d: order %s", site, id).isIn((Object[]) TARGETS);
            assertThat(order.version()).as("site %d: order %s moved once", site, id).isEqualTo(2);
            List<StormOutcome<OrderView>> moves = storm.moves.stream().filter(o -> o.id().equals(id)).toList();
            List<StormOutcome<OrderView>> winners = moves.stream().filter(o -> o.kind() == Kind.TOLD).toList();
            assertThat(winners).as("site %d: staff told they moved order %s", site, id).hasSizeLessThanOrEqualTo(1);
            if (winners.isEmpty()) {
                assertThat(moves).as("order %s moved though every mover was refused", id).anyMatch(o -> o.kind() == Kind.UNKNOWN);
            } else {
                OrderView won = winners.get(0).value();
                assertThat(order).as("site %d: order %s as its winner was told", site, id)
                        .extracting(OrderView::status, OrderView::reason, OrderView::version)
                        .containsExactly(won.status(), won.reason(), won.version());
            }
        }
    }

    private static void checkPlacedOrders(Storm storm, IeumClient reader, List<String> raced, int site) {
        for (StormOutcome<OrderView> placed : storm.placed) {
            if (placed.kind() == Kind.TOLD) {
                OrderView order = reader.shops().order(storm.shop.channel(), placed.id());
                assertThat(order.customer()).as("site %d: placed order %s", site, placed.id()).isEqualTo(placed.value().customer());
                assertThat(order.createdAt()).isEqualTo(placed.value().createdAt());
            }
        }
        List<String> board = reader.shops().board(storm.shop.channel(), 200).stream().map(OrderView::id).toList();
        Set<String> asked = new HashSet<>(raced);
        storm.placed.forEach(o -> asked.add(o.id()));
        Set<String> mustBeThere = new HashSet<>(raced);
        mustBeThere.addAll(storm.idsOf(storm.placed, Kind.TOLD));
        assertThat(board).as("site %d: the board lists each order once", site).doesNotHaveDuplicates();
        assertThat(board).as("site %d: the board lists only orders the storm placed", site).isSubsetOf(asked);
        assertThat(board).as("site %d: every order told placed is on the board", site).containsAll(mustBeThere);
    }

    private static void checkResends(Storm storm) {
        assertThat(storm.resends).as("every told booking and order sent again elsewhere").isNotEmpty();
        for (Storm.Resend resend : storm.resends) {
            assertThat(resend.outcome().kind()).as("resend of %s", resend.outcome().id()).isEqualTo(Kind.TOLD);
            assertThat(resend.status()).as("resend of %s on another site", resend.outcome().id()).isEqualTo("duplicate");
            assertThat(resend.sameRecord()).as("resend of %s answered the first record", resend.outcome().id()).isTrue();
        }
    }

    /** The storm's calls and what each was told; one instance per test. */
    private final class Storm {
        final StormShop shop;
        final Queue<StormOutcome<BookingView>> bookings = new ConcurrentLinkedQueue<>();
        final Queue<StormOutcome<OrderView>> moves = new ConcurrentLinkedQueue<>();
        final Queue<StormOutcome<OrderView>> placed = new ConcurrentLinkedQueue<>();
        final Queue<Resend> resends = new ConcurrentLinkedQueue<>();
        /** Bookings and orders sent again, same ID, to another site after an unknown answer. */
        final Queue<StormOutcome<?>> afterUnknown = new ConcurrentLinkedQueue<>();
        final CountDownLatch firstAnswers = new CountDownLatch(ANSWERS_BEFORE_KILL);
        final CountDownLatch killDone = new CountDownLatch(1);
        volatile long killedAt = Long.MAX_VALUE;
        volatile long killReturnedAt;
        volatile int killExit = -1;

        Storm(StormShop shop) {
            this.shop = shop;
        }

        void killSiteAfterFirstAnswers(Path clusterDir) {
            try {
                firstAnswers.await(3, TimeUnit.MINUTES);
                killedAt = System.nanoTime();
                CliRun kill = CliRun.run("cluster", "kill", "--site", Integer.toString(KILLED), "--dir", clusterDir.toString());
                killReturnedAt = System.nanoTime();
                killExit = kill.exitCode();
                System.out.println(kill.out() + kill.err());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                killDone.countDown();
            }
        }

        void awaitKill() {
            try {
                killDone.await(4, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Tries the slots in a random order until one is booked; an unknown answer is sent again, same ID,
         * to another site (up to twice). A resend told slot_taken is "not booked": the next slot is tried.
         */
        void bookOne(IeumClient customer, List<Instant> slots) {
            List<Instant> order = new ArrayList<>(slots);
            Collections.shuffle(order);
            for (Instant slot : order) {
                String id = customer.newMessageId();
                StormOutcome<BookingView> outcome = null;
                IeumClient via = customer;
                for (int attempt = 0; attempt < 3 && (outcome == null || outcome.kind() == Kind.UNKNOWN); attempt++) {
                    if (outcome != null) {
                        via = relay(customer, outcome.answeredAt());
                    }
                    IeumClient sender = via;
                    outcome = call(sender, id, () -> sender.shops().book(shop.channel(), id, shop.serviceId(),
                            shop.bookableStaffId(), slot).booking());
                    bookings.add(outcome);
                    if (attempt > 0) {
                        afterUnknown.add(outcome);
                    }
                    firstAnswers.countDown();
                }
                StormOutcome<BookingView> last = outcome;
                if (last.kind() == Kind.TOLD) {
                    resendElsewhere(customer, last, () -> {
                        BookingResult again = relay(customer, last.answeredAt()).shops().book(shop.channel(), id,
                                shop.serviceId(), shop.bookableStaffId(), slot);
                        return new Resend(last, again.status(), again.booking().id().equals(id)
                                && again.booking().start().equals(last.value().start()));
                    });
                }
                if (last.kind() != Kind.REFUSED) {
                    return; // booked, or still unknown: a careful app does not book a second slot meanwhile
                }
            }
        }

        /** Places one order; an unknown answer is sent again, same ID, to another site (up to twice). */
        void placeOrder(IeumClient customer) {
            String id = customer.newMessageId();
            StormOutcome<OrderView> latest = call(customer, id,
                    () -> customer.shops().placeOrder(shop.channel(), id, shop.oneCake()).order());
            placed.add(latest);
            for (int resend = 0; resend < 2 && latest.kind() == Kind.UNKNOWN; resend++) {
                IeumClient elsewhere = relay(customer, latest.answeredAt());
                latest = call(elsewhere, id, () -> elsewhere.shops().placeOrder(shop.channel(), id, shop.oneCake()).order());
                placed.add(latest);
                afterUnknown.add(latest);
            }
            StormOutcome<OrderView> outcome = latest;
            if (outcome.kind() == Kind.TOLD) {
                resendElsewhere(customer, outcome, () -> {
                    OrderResult again = relay(customer, outcome.answeredAt()).shops().placeOrder(shop.channel(), id,
                            shop.oneCake());
                    return new Resend(outcome, again.status(), again.order().id().equals(id)
                            && again.order().createdAt().equals(outcome.value().createdAt()));
                });
            }
        }

        void move(IeumClient staff, String orderId, String target) {
            String reason = target.equals("ACCEPTED") ? null : target.toLowerCase(Locale.ROOT) + " by " + staff.sites().all().get(0);
            moves.add(call(staff, orderId, () -> staff.shops().moveOrder(shop.channel(), orderId, target, reason, 1)));
        }

        private void resendElsewhere(IeumClient customer, StormOutcome<?> outcome, Supplier<Resend> resend) {
            try {
                resends.add(resend.get());
            } catch (IeumClientException e) {
                resends.add(new Resend(new StormOutcome<>(Kind.WRONG, outcome.id(), null, e.toString(),
                        outcome.answeredAt(), outcome.answeredAt(), System.nanoTime(), System.nanoTime()), e.error(), false));
            }
        }

        <T> StormOutcome<T> call(IeumClient client, String id, Supplier<T> action) {
            URI asked = client.sites().current();
            long t0 = System.nanoTime();
            try {
                T value = action.get();
                return new StormOutcome<>(Kind.TOLD, id, value, null, asked, client.sites().current(), t0, System.nanoTime());
            } catch (IeumClientException e) {
                Kind kind = e.status() == 409 && LOSING_CODES.contains(e.error()) ? Kind.REFUSED
                        : e.status() == 0 || e.status() == 503 ? Kind.UNKNOWN : Kind.WRONG;
                return new StormOutcome<>(kind, id, null, e.status() + " " + e.error() + ": " + e.getMessage(), asked,
                        client.sites().current(), t0, System.nanoTime());
            }
        }

        Set<String> idsOf(Queue<? extends StormOutcome<?>> outcomes, Kind kind) {
            Set<String> ids = new HashSet<>();
            outcomes.stream().filter(o -> o.kind() == kind).forEach(o -> ids.add(o.id()));
            return ids;
        }

        /** The IDs whose last call ended as {@code kind}. */
        Set<String> lastAnswered(Queue<? extends StormOutcome<?>> outcomes, Kind kind) {
            Map<String, Kind> last = new HashMap<>();
            outcomes.stream().sorted(Comparator.comparingLong(StormOutcome::endedNanos))
                    .forEach(o -> last.put(o.id(), o.kind()));
            Set<String> ids = new HashSet<>();
            last.forEach((id, k) -> {
                if (k == kind) {
                    ids.add(id);
                }
            });
            return ids;
        }

        List<StormOutcome<?>> all() {
            List<StormOutcome<?>> all = new ArrayList<>(bookings);
            all.addAll(moves);
            all.addAll(placed);
            return all;
        }

        void report(PrintStream out) {
            out.printf("kill of site %d took %d ms%n", KILLED, (killReturnedAt - killedAt) / 1_000_000);
            report(out, "booking calls", bookings);
            report(out, "order moves", moves);
            report(out, "orders placed", placed);
            out.printf("resends on another site: %d (%d answered duplicate)%n", resends.size(),
                    resends.stream().filter(r -> "duplicate".equals(r.status())).count());
            report(out, "resends after an unknown answer (same ID, another site)", afterUnknown);
            all().stream().filter(o -> o.kind() == Kind.UNKNOWN || o.kind() == Kind.WRONG).limit(20)
                    .forEach(o -> out.println("  " + o));
        }

        private void report(PrintStream out, String what, Queue<? extends StormOutcome<?>> outcomes) {
            Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
            outcomes.forEach(o -> byKind.merge(o.kind(), 1L, Long::sum));
            long inFlight = outcomes.stream().filter(o -> o.startedNanos() < killedAt && o.endedNanos() > killedAt).count();
            long after = outcomes.stream().filter(o -> o.startedNanos() >= killedAt).count();
            long failedOver = outcomes.stream().filter(StormOutcome::failedOver).count();
            long slowest = outcomes.stream().mapToLong(o -> o.endedNanos() - o.startedNanos()).max().orElse(0) / 1_000_000;
            out.printf("%s: %d %s; in flight at the kill %d, started after it %d, answered by another site %d, slowest %d ms%n",
                    what, outcomes.size(), byKind, inFlight, after, failedOver, slowest);
        }

        record Resend(StormOutcome<?> outcome, String status, boolean sameRecord) {}
    }

    // ---- clients ---------------------------------------------------------------------------------

    /** A new user signed in with a client whose site list starts at {@code home} (1-based). */
    private static IeumClient signedIn(int home, String username) {
        IeumClient client = track(IeumClient.create(options(home)));
        client.signUp(username, PASSWORD, username);
        client.logIn(username, PASSWORD);
        return client;
    }

    /** The customer's client on the site after {@code answeredAt}: where a retry of a lost answer would go. */
    private IeumClient relay(IeumClient customer, URI answeredAt) {
        int next = (sites.indexOf(answeredAt) + 1) % sites.size();
        return relays.computeIfAbsent(next, n -> track(IeumClient.create(options(n + 1)))).as(customer.token());
    }

    /** A client that talks to site {@code n} only, so each survivor is read on its own. */
    private static IeumClient pinned(int n, String token) {
        return track(IeumClient.create(ClientOptions.builder().server(sites.get(n - 1)).deviceName("reader")
                .requestTimeout(Duration.ofSeconds(20)).build())).as(token);
    }

    private static ClientOptions options(int home) {
        List<URI> order = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            order.add(sites.get((home - 1 + i) % sites.size()));
        }
        // A call stuck on the dying site is sent to the next one after this long. 6 s (first run) made
        // contended calls on a loaded machine time out on every site in turn: the retries only added
        // contention, and 17 of 18 concurrent orders ended unknown.
        return ClientOptions.builder().servers(order).deviceName("storm").requestTimeout(Duration.ofSeconds(20)).build();
    }

    private static IeumClient track(IeumClient client) {
        clients.add(client);
        return client;
    }

    private static <T> List<T> inParallel(List<Supplier<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<T>> futures = tasks.stream().map(t -> CompletableFuture.supplyAsync(t, pool)).toList();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
