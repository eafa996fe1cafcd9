package io.ieum.store.cassandra;

import static io.ieum.core.store.contract.ChannelFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Order;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.OrderStore;
import io.ieum.core.store.contract.OrderStoreContract;

class CassandraOrderStoreTest extends CassandraStorageTestBase implements OrderStoreContract {

    @Override
    public OrderStore orderStore() {
        return storage().orders();
    }

    @Test
    void aCreateCutOffAfterItsBoardRowShouldShowNothingAndBeCompletedByItsRetry() {
        Order order = order(ChannelId.random(), UserId.random());
        // What a create leaves when it dies between the board row and the order's insert (site lost, Paxos busy).
        CASSANDRA.session().execute(CassandraOrderStore.PUT_BOARD.replace("{ks}", CassandraClusterExtension.KEYSPACE),
                order.channelId().uuid(), CassandraOrderStore.bucket(order.id()), order.id().uuid());

        assertThat(orderStore().byChannel(order.channelId(), null, 10)).isEmpty();
        assertThat(orderStore().get(order.channelId(), order.id())).isEmpty();
        assertThat(orderStore().begun(order.channelId(), order.id())).isTrue();

        assertThat(orderStore().create(order)).isTrue();

        assertThat(orderStore().byChannel(order.channelId(), null, 10)).containsExactly(order);
        assertThat(orderStore().byCustomer(order.customer(), 10)).containsExactly(order);
    }
}
