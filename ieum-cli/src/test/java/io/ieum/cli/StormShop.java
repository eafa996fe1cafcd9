package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.ieum.client.IeumClient;
import io.ieum.client.ShopClient;
import io.ieum.client.model.CalendarView;
import io.ieum.client.model.ChannelDetail;
import io.ieum.client.model.NewOrder;

/**
 * A salon and bakery set up through the client library: the owner and two staff members (each
 * signed in on their own site), a 30-minute service on a 30-minute grid open all day UTC, one
 * product, and the owner as the bookable staff member.
 */
record StormShop(String channel, String serviceId, String productId, String bookableStaffId) {

    static StormShop open(IeumClient owner, List<String> staffUsernames) {
        ShopClient shops = owner.shops();
        ChannelDetail created = shops.createChannel("Storm salon", "Haircuts and cakes", "daily", "02-000-0000");
        assertThat(created.role()).isEqualTo("OWNER");
        String channel = created.channel().id();
        for (String username : staffUsernames) {
            shops.addStaff(channel, username);
        }
        String service = shops.addService(channel, "Trim", 10_000, 30).id();
        String product = shops.addProduct(channel, "Cake", 30_000, List.of()).id();
        Map<DayOfWeek, CalendarView.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, new CalendarView.Hours("00:00", "23:30"));
        }
        String ownerName = owner.me().username();
        CalendarView calendar = shops.putCalendar(channel, "UTC", 30, hours, List.of(ownerName));
        assertThat(calendar.staff()).hasSize(1);
        return new StormShop(channel, service, product, calendar.staff().get(0));
    }

    /** {@code count} slots of 30 minutes from {@code hour}:00 UTC tomorrow. */
    static List<Instant> slotsTomorrow(int hour, int count) {
        Instant first = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
        return IntStream.range(0, count).mapToObj(i -> first.plusSeconds(1800L * i)).toList();
    }

    NewOrder oneCake() {
        return NewOrder.pickup(List.of(new NewOrder.Line(productId, 1, List.of())));
    }
}
