package io.ieum.store.cassandra;

import static io.ieum.core.store.contract.ChannelFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Order;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.OrderStore;
import io.ieum.core.store.contract.Fixtures;
import io.ieum.core.store.contract.OrderStoreContract;

class CassandraOrderStoreTest extends CassandraStorageTestBase implements OrderStoreContract {

    @Override
    public OrderStore orderStore() {
        return storage().orders();
    }

    @Test
    void boardPagesShouldStepOverIndexRowsWithNoOrderWithoutLosingOlderOrders() {
        ChannelId shop = ChannelId.random();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Order order = order(shop, UserId.random());
            orderStore().create(order);
            orders.add(order);
        }
        orders.sort((a, b) -> b.id().compareTo(a.id()));
        // Newer than all three: the first index row a page meets.
        Order ghost = order(new OrderId(Fixtures.idAt(Instant.now().plusSeconds(1)).uuid()), shop, UserId.random());
        putBoardRow(ghost);

        assertThat(orderStore().byChannel(shop, null, 3)).containsExactlyElementsOf(orders);
        assertThat(orderStore().byChannel(shop, null, 2)).containsExactlyElementsOf(orders.subList(0, 2));
        assertThat(orderStore().byChannel(shop, orders.get(0).id(), 1)).containsExactly(orders.get(1));
    }

    @Test
    void aCreateCutOffAfterItsBoardRowShouldShowNothingAndBeCompletedByItsRetry() {
        Order order = order(ChannelId.random(), UserId.random());
        putBoardRow(order);

        assertThat(orderStore().byChannel(order.channelId(), null, 10)).isEmpty();
        assertThat(orderStore().get(order.channelId(), order.id())).isEmpty();
        assertThat(orderStore().begun(order.channelId(), order.id())).isTrue();

        assertThat(orderStore().create(order)).isTrue();

        assertThat(orderStore().byChannel(order.channelId(), null, 10)).containsExactly(order);
        assertThat(orderStore().byCustomer(order.customer(), 10)).containsExactly(order);
    }

    @Test
    void myOrdersShouldReadPastIndexRowsWithNoOrderToFillTheirLimit() {
        UserId sora = UserId.random();
        List<Order> orders = new ArrayList<>();
        List<Order> ghosts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Order order = order(new OrderId(Fixtures.idAt(Instant.now().minusSeconds(300 - i * 100)).uuid()), ChannelId.random(), sora);
            orderStore().create(order);
            orders.add(0, order);
            // Newer than the order before it: met first by a read from the top.
            ghosts.add(order(new OrderId(Fixtures.idAt(Instant.now().minusSeconds(250 - i * 100)).uuid()), ChannelId.random(), sora));
        }
        ghosts.forEach(CassandraOrderStoreTest::putCustomerRow);

        assertThat(orderStore().byCustomer(sora, 3)).containsExactlyElementsOf(orders);
        assertThat(orderStore().byCustomer(sora, 2)).containsExactlyElementsOf(orders.subList(0, 2));
        assertThat(orderStore().byCustomer(sora, 1)).containsExactly(orders.get(0));
        assertThat(orderStore().byCustomer(sora, 10)).containsExactlyElementsOf(orders);
    }

    /** The customer's index row of a create cut off before its order's insert. */
    private static void putCustomerRow(Order order) {
        CASSANDRA.session().execute("INSERT INTO " + CassandraClusterExtension.KEYSPACE + ".orders_by_customer (customer, order_id, "
                + "channel_id) VALUES (?, ?, ?)", order.customer().uuid(), order.id().uuid(), order.channelId().uuid());
    }

    /** What a create leaves when it dies between its board row and the order's insert (site lost, Paxos busy). */
    private static void putBoardRow(Order order) {
        String ks = CassandraClusterExtension.KEYSPACE;
        CASSANDRA.session().execute("INSERT INTO " + ks + ".order_buckets (channel_id, bucket) VALUES (?, ?)",
                order.channelId().uuid(), CassandraOrderStore.bucket(order.id()));
        CASSANDRA.session().execute(CassandraOrderStore.PUT_BOARD.replace("{ks}", ks),
                order.channelId().uuid(), CassandraOrderStore.bucket(order.id()), order.id().uuid());
    }
}
