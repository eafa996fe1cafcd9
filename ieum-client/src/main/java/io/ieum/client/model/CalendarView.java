package io.ieum.client.model;

import java.util.List;
import java.util.Map;

/**
 * A shop's booking calendar: its zone, slot length, opening hours by weekday ({@code MONDAY} …),
 * the bookable staff's user IDs and their display names.
 */
public record CalendarView(String zone, int slotMinutes, Map<String, Hours> hours, List<String> staff,
                           Map<String, String> staffNames) {

    public CalendarView {
        hours = hours == null ? Map.of() : Map.copyOf(hours);
        staff = staff == null ? List.of() : List.copyOf(staff);
        staffNames = staffNames == null ? Map.of() : Map.copyOf(staffNames);
    }

    /** Opening and closing time of a day, {@code HH:mm} in the calendar's zone. */
    public record Hours(String open, String close) {}
}
