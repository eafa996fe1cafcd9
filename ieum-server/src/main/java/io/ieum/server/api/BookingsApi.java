package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.WorkingHours;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;
import io.ieum.core.service.BookingService;
import io.ieum.core.service.Services;
import io.ieum.server.api.ChannelViews.BookingView;
import io.ieum.server.api.ChannelViews.CalendarView;
import io.ieum.server.api.ChannelViews.HoursView;
import io.ieum.server.api.ChannelViews.SlotView;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Fields;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;

/** The booking calendar: set-up, free slots, booking, and the shop's confirm / reschedule / cancel. */
public final class BookingsApi {

    record CalendarBody(String zone, Integer slotMinutes, Map<String, HoursView> hours, List<String> staff) {}

    record BookingBody(String id, String serviceId, String staffId, String start) {}

    record ChangeBody(String reason, Integer version, String staffId, String start) {}

    private final Services services;
    private final Responses responses;

    public BookingsApi(Services services, Responses responses) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
    }

    public void register(Router router) {
        router.user(HttpMethod.PUT, "/api/channels/{id}/calendar", this::setCalendar);
        router.user(HttpMethod.GET, "/api/channels/{id}/calendar", req -> responses.ok(calendarView(
                services.bookings().calendar(ChannelsApi.channelId(req)))));
        router.user(HttpMethod.GET, "/api/channels/{id}/slots", this::slots);
        router.user(HttpMethod.POST, "/api/channels/{id}/bookings", this::book);
        router.user(HttpMethod.GET, "/api/channels/{id}/bookings", this::between);
        router.user(HttpMethod.GET, "/api/channels/{id}/bookings/{bookingId}", req -> responses.ok(BookingView.of(
                services.bookings().get(req.caller(), ChannelsApi.channelId(req), bookingId(req)))));
        router.user(HttpMethod.POST, "/api/channels/{id}/bookings/{bookingId}/confirm", req -> {
            ChangeBody body = req.body(ChangeBody.class);
            return responses.ok(BookingView.of(services.bookings().confirm(req.caller(), ChannelsApi.channelId(req),
                    bookingId(req), body.version())));
        });
        router.user(HttpMethod.POST, "/api/channels/{id}/bookings/{bookingId}/cancel", req -> {
            ChangeBody body = req.body(ChangeBody.class);
            return responses.ok(BookingView.of(services.bookings().cancel(req.caller(), ChannelsApi.channelId(req),
                    bookingId(req), body.reason(), body.version())));
        });
        router.user(HttpMethod.POST, "/api/channels/{id}/bookings/{bookingId}/reschedule", req -> {
            ChangeBody body = req.body(ChangeBody.class);
            Instant start = WireValues.instantOrNull(Fields.required(body.start(), "start", "the new start time"), "start");
            UserId staff = body.staffId() == null ? null : UserId.parse("staffId", body.staffId());
            return responses.ok(BookingView.of(services.bookings().reschedule(req.caller(), ChannelsApi.channelId(req),
                    bookingId(req), staff, start, body.version())));
        });
        router.user(HttpMethod.GET, "/api/me/bookings", req -> responses.ok(Map.of("bookings",
                services.bookings().mine(req.caller(), req.intQuery("limit", 50, 1, 200)).stream().map(BookingView::of).toList())));
    }

    private CalendarView calendarView(BookingCalendar calendar) {
        return CalendarView.of(calendar, staffNames(calendar.staff()));
    }

    /** Display names of the calendar's staff, by user ID. */
    private Map<String, String> staffNames(Collection<UserId> staff) {
        Map<String, String> names = new LinkedHashMap<>();
        for (UserId id : staff) {
            names.put(id.toString(), services.accounts().account(id).profile().displayName());
        }
        return names;
    }

    private static BookingId bookingId(ApiRequest req) {
        return BookingId.parse("bookingId", req.path("bookingId"));
    }

    private HttpResponse setCalendar(ApiRequest req) {
        CalendarBody body = req.body(CalendarBody.class);
        Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
        Map<String, HoursView> given = Fields.required(body.hours(), "hours", "{\"MONDAY\": {\"open\": \"09:00\", \"close\": \"18:00\"}, …}");
        for (Map.Entry<String, HoursView> day : given.entrySet()) {
            DayOfWeek weekday = WireValues.required(DayOfWeek.class, day.getKey(), "hours");
            HoursView h = Fields.required(day.getValue(), "hours." + weekday, "{open, close}");
            hours.put(weekday, new WorkingHours(time(h.open(), "hours." + weekday + ".open"),
                    time(h.close(), "hours." + weekday + ".close")));
        }
        return responses.ok(calendarView(services.bookings().setCalendar(req.caller(), ChannelsApi.channelId(req),
                Fields.required(body.zone(), "zone", "a time zone such as Asia/Seoul"),
                Fields.required(body.slotMinutes(), "slotMinutes", "5..480"), hours,
                Fields.required(body.staff(), "staff", "an array of staff usernames"))));
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(Fields.required(text, field, "a time such as 09:00"));
        } catch (DateTimeParseException e) {
            throw IeumException.invalid(field + ": '" + WireValues.abbreviate(text) + "' (expected: a time such as 09:00)");
        }
    }

    private HttpResponse slots(ApiRequest req) {
        ChannelId channel = ChannelsApi.channelId(req);
        ItemId service = ItemId.parse("serviceId", Fields.required(req.query("serviceId"), "serviceId", "a service ID"));
        String dateText = Fields.required(req.query("date"), "date", "a date such as 2026-12-01");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw IeumException.invalid("date: '" + WireValues.abbreviate(dateText) + "' (expected: a date such as 2026-12-01)");
        }
        String staff = req.query("staffId");
        Map<String, String> names = staffNames(services.bookings().calendar(channel).staff());
        return responses.ok(Map.of("slots", services.bookings().freeSlots(channel, service, date,
                staff == null ? null : UserId.parse("staffId", staff)).stream().map(s -> SlotView.of(s, names)).toList()));
    }

    private HttpResponse book(ApiRequest req) {
        BookingBody body = req.body(BookingBody.class);
        BookingId id = BookingId.parse("id", Fields.required(body.id(), "id", "a UUIDv7 made by the client"));
        BookingService.Request request = new BookingService.Request(id,
                body.serviceId() == null ? null : ItemId.parse("serviceId", body.serviceId()),
                body.staffId() == null ? null : UserId.parse("staffId", body.staffId()),
                WireValues.instantOrNull(body.start(), "start"));
        BookingService.Booked booked = services.bookings().book(req.caller(), ChannelsApi.channelId(req), request);
        Map<String, Object> answer = Map.of("status", booked.created() ? "stored" : "duplicate",
                "booking", BookingView.of(booked.booking()));
        return booked.created() ? responses.created(answer) : responses.ok(answer);
    }

    private HttpResponse between(ApiRequest req) {
        Instant from = WireValues.instantOrNull(Fields.required(req.query("from"), "from", "an ISO-8601 time"), "from");
        Instant to = WireValues.instantOrNull(Fields.required(req.query("to"), "to", "an ISO-8601 time"), "to");
        return responses.ok(Map.of("bookings", services.bookings().between(req.caller(), ChannelsApi.channelId(req), from, to)
                .stream().map(BookingView::of).toList()));
    }
}
