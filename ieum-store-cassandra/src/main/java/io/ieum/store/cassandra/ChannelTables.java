package io.ieum.store.cassandra;

import java.util.List;

/**
 * The schema of business channels (ADR 0010), one statement per table; each table's columns and
 * statements live in its DAO. Applied as schema step 2.
 */
final class ChannelTables {

    static final String CHANNELS = "CREATE TABLE IF NOT EXISTS {ks}.channels (channel_id uuid PRIMARY KEY, name text, "
            + "description text, opening_hours text, contact text, picture text, owner uuid, created_at timestamp)";
    static final String DIRECTORY = "CREATE TABLE IF NOT EXISTS {ks}.channel_directory (shard int, channel_id uuid, name text, "
            + "PRIMARY KEY ((shard), channel_id))";
    static final String STAFF = "CREATE TABLE IF NOT EXISTS {ks}.channel_staff (channel_id uuid, user_id uuid, role text, "
            + "since timestamp, PRIMARY KEY ((channel_id), user_id))";
    static final String STAFF_CHANNELS = "CREATE TABLE IF NOT EXISTS {ks}.staff_channels (user_id uuid, channel_id uuid, "
            + "PRIMARY KEY ((user_id), channel_id))";
    static final String CATALOGUE = "CREATE TABLE IF NOT EXISTS {ks}.catalogue (channel_id uuid, item_id uuid, kind text, "
            + "name text, price bigint, options text, duration_minutes int, available boolean, PRIMARY KEY ((channel_id), item_id))";
    static final String FOLLOWERS = "CREATE TABLE IF NOT EXISTS {ks}.followers (channel_id uuid, user_id uuid, "
            + "PRIMARY KEY ((channel_id), user_id))";
    static final String FOLLOWED = "CREATE TABLE IF NOT EXISTS {ks}.followed_channels (user_id uuid, channel_id uuid, "
            + "PRIMARY KEY ((user_id), channel_id))";
    static final String CONVERSATIONS = "CREATE TABLE IF NOT EXISTS {ks}.conversations (channel_id uuid, customer uuid, "
            + "room_id uuid, PRIMARY KEY ((channel_id), customer))";
    static final String ANNOUNCEMENTS = "CREATE TABLE IF NOT EXISTS {ks}.announcements (channel_id uuid, id uuid, author uuid, "
            + "text text, PRIMARY KEY ((channel_id), id)) WITH CLUSTERING ORDER BY (id DESC)";
    static final String ORDERS = "CREATE TABLE IF NOT EXISTS {ks}.orders (channel_id uuid, bucket int, order_id uuid, "
            + "customer uuid, items text, requested_at timestamp, fulfilment text, address text, note text, status text, "
            + "reason text, version int, updated_at timestamp, attempt uuid, PRIMARY KEY ((channel_id, bucket), order_id)) "
            + "WITH CLUSTERING ORDER BY (order_id DESC)";
    static final String ORDER_BUCKETS = "CREATE TABLE IF NOT EXISTS {ks}.order_buckets (channel_id uuid, bucket int, "
            + "PRIMARY KEY ((channel_id), bucket)) WITH CLUSTERING ORDER BY (bucket DESC)";
    static final String ORDERS_BY_CUSTOMER = "CREATE TABLE IF NOT EXISTS {ks}.orders_by_customer (customer uuid, order_id uuid, "
            + "channel_id uuid, PRIMARY KEY ((customer), order_id, channel_id)) WITH CLUSTERING ORDER BY (order_id DESC, channel_id ASC)";
    static final String CALENDARS = "CREATE TABLE IF NOT EXISTS {ks}.calendars (channel_id uuid PRIMARY KEY, zone text, "
            + "slot_minutes int, hours text, staff text)";
    static final String SLOTS = "CREATE TABLE IF NOT EXISTS {ks}.slots (channel_id uuid, staff_id uuid, start timestamp, "
            + "booking_id uuid, PRIMARY KEY ((channel_id, staff_id), start))";
    static final String BOOKINGS = "CREATE TABLE IF NOT EXISTS {ks}.bookings (booking_id uuid PRIMARY KEY, channel_id uuid, "
            + "customer uuid, service_id uuid, staff_id uuid, start timestamp, end timestamp, slot_minutes int, status text, "
            + "reason text, version int, updated_at timestamp)";
    static final String BOOKINGS_BY_CUSTOMER = "CREATE TABLE IF NOT EXISTS {ks}.bookings_by_customer (customer uuid, "
            + "booking_id uuid, PRIMARY KEY ((customer), booking_id)) WITH CLUSTERING ORDER BY (booking_id DESC)";

    static final List<String> CREATE = List.of(CHANNELS, DIRECTORY, STAFF, STAFF_CHANNELS, CATALOGUE, FOLLOWERS, FOLLOWED,
            CONVERSATIONS, ANNOUNCEMENTS, ORDERS, ORDER_BUCKETS, ORDERS_BY_CUSTOMER, CALENDARS, SLOTS, BOOKINGS,
            BOOKINGS_BY_CUSTOMER);

    static final List<String> NAMES = List.of("channels", "channel_directory", "channel_staff", "staff_channels", "catalogue",
            "followers", "followed_channels", "conversations", "announcements", "orders", "order_buckets",
            "orders_by_customer", "calendars", "slots", "bookings", "bookings_by_customer");

    private ChannelTables() {}
}
