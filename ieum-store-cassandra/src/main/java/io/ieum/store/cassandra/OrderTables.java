package io.ieum.store.cassandra;

import java.util.List;

/**
 * The order layout of schema step 4 (ADR 0016). {@code orders_by_id} holds each order in its own
 * partition, so the insert-if-absent and the version compare-and-set of one order never contend with
 * another order's; {@code order_board} lists a channel's orders newest first (an index, upserted before
 * the order). {@code order_buckets} and {@code orders_by_customer} of step 3 keep their roles; step 3's
 * {@code orders} table is read once, by the step that copies it here ({@link OrderLayoutUpgrade}).
 */
final class OrderTables {

    static final String ORDERS_BY_ID = "CREATE TABLE IF NOT EXISTS {ks}.orders_by_id (order_id uuid PRIMARY KEY, "
            + "channel_id uuid, customer uuid, items text, requested_at timestamp, fulfilment text, address text, note text, "
            + "status text, reason text, version int, updated_at timestamp, attempt uuid)";
    static final String ORDER_BOARD = "CREATE TABLE IF NOT EXISTS {ks}.order_board (channel_id uuid, bucket int, order_id uuid, "
            + "PRIMARY KEY ((channel_id, bucket), order_id)) WITH CLUSTERING ORDER BY (order_id DESC)";

    static final List<String> CREATE = List.of(ORDERS_BY_ID, ORDER_BOARD);
    static final List<String> NAMES = List.of("orders_by_id", "order_board");

    private OrderTables() {}
}
