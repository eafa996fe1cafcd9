package io.ieum.server.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ieum.core.channel.Announcement;
import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderItem;
import io.ieum.core.service.BookingService;

/** The JSON shapes of the channel API (docs/protocol.md, "Business channels"). */
final class ChannelViews {

    private ChannelViews() {}

    record ChannelView(String id, String name, String description, String openingHours, String contact, String picture,
                       String owner, Instant createdAt) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.id().toString(), c.name(), c.description(), c.openingHours(), c.contact(), c.picture(),
                    c.owner().toString(), c.createdAt());
        }
    }

    record ItemView(String id, String kind, String name, long price, List<String> options, int durationMinutes,
                    boolean available) {
        static ItemView of(CatalogueItem i) {
            return new ItemView(i.id().toString(), i.kind().name(), i.name(), i.price(), i.options(), i.durationMinutes(),
                    i.available());
        }
    }

    /** A channel as the caller sees it: {@code role} is OWNER, STAFF or null (a customer). */
    record ChannelDetailView(ChannelView channel, List<ItemView> catalogue, String role, boolean following) {}

    record LineView(String itemId, String name, int quantity, List<String> options, long unitPrice) {
        static LineView of(OrderItem i) {
            return new LineView(i.itemId().toString(), i.name(), i.quantity(), i.options(), i.unitPrice());
        }
    }

    record OrderView(String id, String channelId, String customer, List<LineView> items, long total, Instant requestedAt,
                     String fulfilment, String address, String note, String status, String reason, int version,
                     Instant createdAt, Instant updatedAt) {
        static OrderView of(Order o) {
            return new OrderView(o.id().toString(), o.channelId().toString(), o.customer().toString(),
                    o.items().stream().map(LineView::of).toList(), o.total(), o.requestedAt(), o.fulfilment().name(),
                    o.address(), o.note(), o.status().name(), o.reason(), o.version(), o.createdAt(), o.updatedAt());
        }
    }

    record BookingView(String id, String channelId, String customer, String serviceId, String staffId, Instant start,
                       Instant end, String status, String reason, int version, Instant updatedAt) {
        static BookingView of(Booking b) {
            return new BookingView(b.id().toString(), b.channelId().toString(), b.customer().toString(),
                    b.serviceId().toString(), b.staff().toString(), b.start(), b.end(), b.status().name(), b.reason(),
                    b.version(), b.updatedAt());
        }
    }

    /** {@code staffName}: the staff member's display name, so a customer sees who serves them. */
    record SlotView(String staffId, String staffName, Instant start, Instant end) {
        static SlotView of(BookingService.Slot s, Map<String, String> names) {
            String id = s.staff().toString();
            return new SlotView(id, names.getOrDefault(id, ""), s.start(), s.end());
        }
    }

    record HoursView(String open, String close) {}

    /** {@code staffNames}: display name by staff user ID, public like the calendar (customers pick a person). */
    record CalendarView(String zone, int slotMinutes, Map<String, HoursView> hours, List<String> staff,
                        Map<String, String> staffNames) {
        static CalendarView of(BookingCalendar c, Map<String, String> staffNames) {
            Map<String, HoursView> hours = new LinkedHashMap<>();
            new java.util.TreeMap<>(c.hours()).forEach((day, h) -> hours.put(day.name(),
                    new HoursView(h.open().toString(), h.close().toString())));
            return new CalendarView(c.zone().getId(), c.slotMinutes(), hours,
                    c.staff().stream().map(Object::toString).toList(), staffNames);
        }
    }

    record AnnouncementView(String id, String author, String text, Instant createdAt) {
        static AnnouncementView of(Announcement a) {
            return new AnnouncementView(a.id().toString(), a.author().toString(), a.text(), a.id().createdAt());
        }
    }
}
