package io.ieum.core.store.contract;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.BookingStatus;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Fulfilment;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderItem;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.channel.WorkingHours;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;

/** Values shared by the channel, order and booking contract suites. */
public final class ChannelFixtures {

    /** A Monday, 09:00 UTC, well in the future so that no backend treats it as past. */
    public static final Instant MONDAY_NINE = Instant.parse("2030-01-07T09:00:00Z");

    private ChannelFixtures() {}

    public static Channel channel(String name, UserId owner) {
        return new Channel(ChannelId.random(), name, "Fresh cakes every day", "Mon-Fri 9-18", "02-123-4567", null, owner,
                Fixtures.now());
    }

    public static CatalogueItem product(ChannelId channel, String name, long price, String... options) {
        return new CatalogueItem(ItemId.random(), channel, ItemKind.PRODUCT, name, price, List.of(options), 0, true);
    }

    public static CatalogueItem service(ChannelId channel, String name, int minutes) {
        return new CatalogueItem(ItemId.random(), channel, ItemKind.SERVICE, name, 30_000, List.of(), minutes, true);
    }

    public static Order order(ChannelId channel, UserId customer) {
        return order(OrderId.generate(), channel, customer);
    }

    public static Order order(OrderId id, ChannelId channel, UserId customer) {
        OrderItem cake = new OrderItem(ItemId.random(), "딸기 케이크", 2, List.of("초코 글씨"), 32_000);
        return new Order(id, channel, customer, List.of(cake), MONDAY_NINE, Fulfilment.DELIVERY, "서울시 마포구 1",
                "문 앞에 두세요", OrderStatus.NEW, "", 1, Fixtures.now());
    }

    public static BookingCalendar calendar(ChannelId channel, List<UserId> staff) {
        return new BookingCalendar(channel, ZoneOffset.UTC, 30,
                Map.of(DayOfWeek.MONDAY, new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                        DayOfWeek.TUESDAY, new WorkingHours(LocalTime.of(10, 0), LocalTime.of(16, 30))),
                staff);
    }

    public static Booking booking(ChannelId channel, UserId customer, UserId staff, Instant start, int minutes) {
        return new Booking(BookingId.generate(), channel, customer, ItemId.random(), staff, start,
                start.plus(Duration.ofMinutes(minutes)), 30, BookingStatus.BOOKED, "", 1, Fixtures.now());
    }
}
