package io.ieum.core.store.contract;

import static io.ieum.core.store.contract.ChannelFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Change;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.OrderStore;

/** The behaviour every {@link OrderStore} backend must show. */
public interface OrderStoreContract {

    OrderStore orderStore();

    @Test
    default void createShouldStoreANewOrderReadableWithEveryField() {
        Order order = order(ChannelId.random(), UserId.random());

        assertThat(orderStore().create(order)).isTrue();

        assertThat(orderStore().get(order.channelId(), order.id())).contains(order);
        assertThat(orderStore().get(ChannelId.random(), order.id())).isEmpty();
    }

    @Test
    default void createShouldNeverOverwriteAnOrderWithTheSameId() {
        Order order = order(ChannelId.random(), UserId.random());
        orderStore().create(order);
        Order accepted = order.moved(OrderStatus.ACCEPTED, "", Fixtures.now());
        orderStore().update(accepted);

        assertThat(orderStore().create(order)).isFalse();

        assertThat(orderStore().get(order.channelId(), order.id())).contains(accepted);
    }

    @Test
    default void concurrentRetriesOfOneSubmissionShouldCreateOneOrder() throws Exception {
        Order order = order(ChannelId.random(), UserId.random());
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tries.add(() -> orderStore().create(order));
        }

        List<Boolean> created = Concurrently.run(tries);

        assertThat(created).containsOnlyOnce(true);
        assertThat(orderStore().byChannel(order.channelId(), null, 10)).containsExactly(order);
        assertThat(orderStore().byCustomer(order.customer(), 10)).containsExactly(order);
    }

    @Test
    default void concurrentOrdersOfOneShopShouldAllBeStoredAndEachListedOnceOnItsBoard() throws Exception {
        // A burst (a sale): distinct orders of one shop at once. Before ADR 0016 they were Paxos rounds on
        // one Cassandra partition and most ended "busy"; each is its own partition now.
        ChannelId shop = ChannelId.random();
        List<Order> orders = new ArrayList<>();
        List<Callable<Boolean>> placements = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            Order order = order(shop, UserId.random());
            orders.add(order);
            placements.add(() -> orderStore().create(order));
        }

        List<Boolean> created = Concurrently.run(placements);
        List<Boolean> resent = Concurrently.run(placements);

        assertThat(created).hasSize(18).containsOnly(true);
        assertThat(resent).hasSize(18).containsOnly(false);
        List<Order> newestFirst = new ArrayList<>(orders);
        newestFirst.sort((a, b) -> b.id().compareTo(a.id()));
        assertThat(orderStore().byChannel(shop, null, 50)).containsExactlyElementsOf(newestFirst);
        assertThat(orders).allSatisfy(order -> assertThat(orderStore().byCustomer(order.customer(), 10)).containsExactly(order));
    }

    @Test
    default void anIdTakenAtOneChannelShouldStoreNothingAtAnother() {
        Order cake = order(ChannelId.random(), UserId.random());
        Order elsewhere = order(cake.id(), ChannelId.random(), UserId.random());
        orderStore().create(cake);

        assertThat(orderStore().create(elsewhere)).isFalse();

        assertThat(orderStore().get(elsewhere.channelId(), elsewhere.id())).isEmpty();
        assertThat(orderStore().byChannel(elsewhere.channelId(), null, 10)).isEmpty();
        assertThat(orderStore().byCustomer(elsewhere.customer(), 10)).isEmpty();
        assertThat(orderStore().get(cake.channelId(), cake.id())).contains(cake);
    }

    @Test
    default void begunShouldTellWhetherACreateOfThisIdWasStartedAtThisChannel() {
        Order order = order(ChannelId.random(), UserId.random());
        assertThat(orderStore().begun(order.channelId(), order.id())).isFalse();

        orderStore().create(order);

        assertThat(orderStore().begun(order.channelId(), order.id())).isTrue();
        assertThat(orderStore().begun(ChannelId.random(), order.id())).isFalse();
        assertThat(orderStore().begun(order.channelId(), OrderId.generate())).isFalse();
    }

    @Test
    default void updateShouldApplyOnlyOnTheExpectedVersion() {
        Order order = order(ChannelId.random(), UserId.random());
        orderStore().create(order);
        Order accepted = order.moved(OrderStatus.ACCEPTED, "", Fixtures.now());
        Order rejected = order.moved(OrderStatus.REJECTED, "sold out", Fixtures.now());

        Change<Order> first = orderStore().update(accepted);
        Change<Order> second = orderStore().update(rejected);

        assertThat(first).isEqualTo(new Change<>(Change.Outcome.APPLIED, accepted));
        assertThat(second).isEqualTo(new Change<>(Change.Outcome.STALE, accepted));
        assertThat(orderStore().get(order.channelId(), order.id())).contains(accepted);
    }

    @Test
    default void updateOfAnUnknownOrderShouldBeStaleWithNothingCurrent() {
        Order ghost = order(ChannelId.random(), UserId.random());

        Change<Order> change = orderStore().update(ghost.moved(OrderStatus.ACCEPTED, "", Fixtures.now()));

        assertThat(change.outcome()).isEqualTo(Change.Outcome.STALE);
        assertThat(change.current()).isNull();
        assertThat(orderStore().get(ghost.channelId(), ghost.id())).isEmpty();
    }

    @Test
    default void concurrentChangesOfOneVersionShouldLetExactlyOneWin() throws Exception {
        Order order = order(ChannelId.random(), UserId.random());
        orderStore().create(order);
        List<Order> candidates = new ArrayList<>();
        List<Callable<Change<Order>>> changes = new ArrayList<>();
        Instant at = Fixtures.now();
        for (int i = 0; i < 12; i++) {
            // Every change distinct (its own millisecond): after an unknown Paxos outcome a store recognises
            // its own write by value, so two identical racers may both be told "applied" (docs/multisite.md).
            Order next = i % 2 == 0 ? order.moved(OrderStatus.ACCEPTED, "", at.plusMillis(i))
                    : order.moved(OrderStatus.REJECTED, "staff " + i + " says no", at.plusMillis(i));
            candidates.add(next);
            changes.add(() -> orderStore().update(next));
        }

        List<Change<Order>> results = Concurrently.run(changes);

        List<Order> winners = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).applied()) {
                winners.add(candidates.get(i));
            }
        }
        assertThat(winners).hasSize(1);
        assertThat(orderStore().get(order.channelId(), order.id())).contains(winners.get(0));
        assertThat(results).filteredOn(change -> !change.applied())
                .allSatisfy(change -> assertThat(change.current()).isEqualTo(winners.get(0)));
    }

    @Test
    default void byChannelShouldPageNewestFirst() {
        ChannelId channel = ChannelId.random();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Order order = order(new OrderId(Fixtures.idAt(Instant.now().minusSeconds(500 - i * 100)).uuid()), channel, UserId.random());
            orderStore().create(order);
            orders.add(0, order);
        }
        orderStore().create(order(ChannelId.random(), UserId.random()));

        assertThat(orderStore().byChannel(channel, null, 3)).containsExactlyElementsOf(orders.subList(0, 3));
        assertThat(orderStore().byChannel(channel, orders.get(2).id(), 10)).containsExactlyElementsOf(orders.subList(3, 5));
    }

    @Test
    default void byCustomerShouldListTheirOrdersAtEveryChannelNewestFirstWithCurrentStatus() {
        UserId sora = UserId.random();
        Order cake = order(ChannelId.random(), sora);
        Order bread = order(ChannelId.random(), sora);
        orderStore().create(cake);
        orderStore().create(bread);
        orderStore().create(order(cake.channelId(), UserId.random()));
        Order accepted = cake.moved(OrderStatus.ACCEPTED, "", Fixtures.now());
        orderStore().update(accepted);

        assertThat(orderStore().byCustomer(sora, 10)).containsExactly(bread, accepted);
        assertThat(orderStore().byCustomer(sora, 1)).containsExactly(bread);
    }
}
