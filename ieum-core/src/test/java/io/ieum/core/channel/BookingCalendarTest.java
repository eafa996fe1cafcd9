package io.ieum.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

class BookingCalendarTest {

    @Test
    void hoursShouldSurviveTheirTextForm() {
        BookingCalendar calendar = new BookingCalendar(ChannelId.random(), ZoneId.of("Asia/Seoul"), 30,
                Map.of(DayOfWeek.FRIDAY, new WorkingHours(LocalTime.of(10, 0), LocalTime.of(19, 30)),
                        DayOfWeek.MONDAY, new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0))),
                List.of(UserId.random()));

        assertThat(calendar.hoursText()).isEqualTo("MONDAY 09:00-18:00,FRIDAY 10:00-19:30");
        assertThat(BookingCalendar.parseHours(calendar.hoursText())).isEqualTo(calendar.hours());
    }

    @Test
    void closingBeforeOpeningAndUnknownZonesShouldBeRefusedByName() {
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IeumException.class).hasMessageContaining("hours: 18:00-09:00");
        assertThatThrownBy(() -> BookingCalendar.zone("Mars/Olympus"))
                .isInstanceOf(IeumException.class).hasMessageContaining("zone: 'Mars/Olympus'");
    }
}
