package io.ieum.store.cassandra;

import static io.ieum.core.store.contract.ChannelFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Change;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelCodecs;
import io.ieum.core.store.OrderStore;
import io.ieum.core.store.contract.Fixtures;

/** A shop's orders stored under the step-3 layout stay readable and changeable after schema step 4 (ADR 0016). */
class CassandraOrderLayoutUpgradeTest extends CassandraStorageTestBase {

    private Cql cql() {
        return new Cql(CASSANDRA.session(), CassandraClusterExtension.KEYSPACE, Runnable::run);
    }

    @Test
    void ordersOfTheOldLayoutShouldBeOnTheBoardAndChangeableAfterTheUpgrade() {
        ChannelId shop = ChannelId.random();
        UserId sora = UserId.random();
        Order older = order(new OrderId(Fixtures.idAt(Instant.now().minusSeconds(40L * 86_400)).uuid()), shop, sora);
        Order newer = order(shop, UserId.random()).moved(OrderStatus.ACCEPTED, "", Fixtures.now());
        storeTheOldWay(older);
        storeTheOldWay(newer);

        OrderLayoutUpgrade.copy(cql());

        OrderStore orders = storage().orders();
        assertThat(orders.byChannel(shop, null, 10)).containsExactly(newer, older);
        assertThat(orders.byCustomer(sora, 10)).containsExactly(older);
        assertThat(orders.get(shop, older.id())).contains(older);
        assertThat(orders.begun(shop, older.id())).isTrue();
        assertThat(orders.create(older)).isFalse();
        Order ready = newer.moved(OrderStatus.IN_PROGRESS, "", Fixtures.now());
        assertThat(orders.update(ready).outcome()).isEqualTo(Change.Outcome.APPLIED);
    }

    @Test
    void copyingAgainShouldNeverSetBackAnOrderChangedSince() {
        Order order = order(ChannelId.random(), UserId.random());
        storeTheOldWay(order);
        OrderLayoutUpgrade.copy(cql());
        Order accepted = order.moved(OrderStatus.ACCEPTED, "", Fixtures.now());
        storage().orders().update(accepted);

        OrderLayoutUpgrade.copy(cql());

        assertThat(storage().orders().get(order.channelId(), order.id())).contains(accepted);
        assertThat(storage().orders().byChannel(order.channelId(), null, 10)).containsExactly(accepted);
    }

    /** As CassandraOrderStore wrote before schema step 4: bucket and customer rows, then the order row. */
    private void storeTheOldWay(Order o) {
        Cql cql = cql();
        int bucket = CassandraOrderStore.bucket(o.id());
        cql.session().execute("INSERT INTO " + cql.keyspace() + ".order_buckets (channel_id, bucket) VALUES (?, ?)",
                o.channelId().uuid(), bucket);
        cql.session().execute("INSERT INTO " + cql.keyspace() + ".orders_by_customer (customer, order_id, channel_id) "
                + "VALUES (?, ?, ?)", o.customer().uuid(), o.id().uuid(), o.channelId().uuid());
        cql.session().execute("INSERT INTO " + cql.keyspace() + ".orders (channel_id, bucket, order_id, customer, items, "
                        + "requested_at, fulfilment, address, note, status, reason, version, updated_at, attempt) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", o.channelId().uuid(), bucket, o.id().uuid(),
                o.customer().uuid(), ChannelCodecs.items(o.items()), o.requestedAt(), o.fulfilment().name(), o.address(),
                o.note(), o.status().name(), o.reason(), o.version(), o.updatedAt(), UUID.randomUUID());
    }
}
