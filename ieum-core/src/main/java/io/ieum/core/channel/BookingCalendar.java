package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/**
 * How a channel takes bookings: who can be booked, on which hours of which weekdays (in {@code zone}),
 * and the slot length every booking is made of.
 */
public record BookingCalendar(ChannelId channelId, ZoneId zone, int slotMinutes, Map<DayOfWeek, WorkingHours> hours,
                              List<UserId> staff) {

    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 480;

    public BookingCalendar {
        requireNonNull(channelId, "channelId");
        requireNonNull(zone, "zone");
        TextRules.range("slotMinutes", slotMinutes, MIN_SLOT_MINUTES, MAX_SLOT_MINUTES);
        hours = Map.copyOf(requireNonNull(hours, "hours"));
        staff = List.copyOf(requireNonNull(staff, "staff")).stream().distinct().toList();
        if (staff.isEmpty() || staff.size() > 100) {
            throw IeumException.invalid("staff: " + staff.size() + " (expected: 1..100 staff members)");
        }
    }

    /** {@code MONDAY 09:00-18:00,TUESDAY 10:00-16:00}: how both backends keep the hours in one text column. */
    public String hoursText() {
        return new EnumMap<>(hours).entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(","));
    }

    public static Map<DayOfWeek, WorkingHours> parseHours(String text) {
        Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return hours;
        }
        for (String day : text.split(",")) {
            String[] parts = day.strip().split("[ -]");
            hours.put(DayOfWeek.valueOf(parts[0]), new WorkingHours(LocalTime.parse(parts[1]), LocalTime.parse(parts[2])));
        }
        return hours;
    }

    public static ZoneId zone(String text) {
        try {
            return ZoneId.of(requireNonNull(text, "zone"));
        } catch (DateTimeException e) {
            throw IeumException.invalid("zone: '" + text + "' (expected: a time zone such as Asia/Seoul)");
        }
    }
}
