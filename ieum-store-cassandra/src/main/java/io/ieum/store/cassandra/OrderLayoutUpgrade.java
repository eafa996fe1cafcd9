package io.ieum.store.cassandra;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * Schema step 4's data: copies every order of the step-3 layout ({@code orders}, one partition per
 * channel and 30-day bucket) into {@code orders_by_id} and {@code order_board}, so a shop keeps its
 * orders on upgrade. Safe to run again: board rows are upserts and an order is inserted only if absent,
 * so an order already changed under the new layout is never set back.
 */
final class OrderLayoutUpgrade {

    private static final Logger log = LoggerFactory.getLogger(OrderLayoutUpgrade.class);

    private OrderLayoutUpgrade() {}

    static void copy(Cql cql) {
        PreparedStatement board = cql.prepare(CassandraOrderStore.PUT_BOARD);
        PreparedStatement insert = cql.prepare(CassandraOrderStore.INSERT);
        SimpleStatement scan = SimpleStatement.newInstance("SELECT channel_id, bucket, order_id, customer, items, requested_at, "
                + "fulfilment, address, note, status, reason, version, updated_at, attempt FROM " + cql.keyspace() + ".orders")
                .setTimeout(Duration.ofSeconds(60));
        int copied = 0;
        for (Row row : cql.execute(scan)) {
            if (row.isNull("status")) {
                continue; // a partial row: its create never completed, and the client's retry writes the new layout
            }
            cql.execute(board.bind(row.getUuid("channel_id"), row.getInt("bucket"), row.getUuid("order_id")));
            Lwt.execute(cql, insert.bind(row.getUuid("order_id"), row.getUuid("channel_id"), row.getUuid("customer"),
                    row.getString("items"), row.getInstant("requested_at"), row.getString("fulfilment"), row.getString("address"),
                    row.getString("note"), row.getString("status"), row.getString("reason"), row.getInt("version"),
                    row.getInstant("updated_at"), row.getUuid("attempt")));
            copied++;
        }
        log.info("Copied {} orders to the per-order layout (ADR 0016)", copied);
    }
}
