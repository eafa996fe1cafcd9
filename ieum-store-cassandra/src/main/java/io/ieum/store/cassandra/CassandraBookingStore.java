package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.BookingStatus;
import io.ieum.core.channel.Change;
import io.ieum.core.channel.SlotClaim;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.BookingStore;
import io.ieum.core.store.ChannelCodecs;
import io.ieum.core.store.StoreArguments;

/**
 * Bookings on Cassandra. All slots of one staff member are one partition of {@code slots}, so the
 * slots of a booking are claimed by one conditional batch of {@code INSERT … IF NOT EXISTS} — a
 * single Paxos round at SERIAL: all or none, and of many racing claimers exactly one wins. The
 * booking row is then written {@code IF NOT EXISTS} and changed only by {@code UPDATE … IF version = ?}.
 *
 * <p>Order of writes and what a crash leaves: a {@code booking_attempts} row (QUORUM) first, so a
 * resend of a create cut off anywhere after it is known as a retry, also past the ID freshness rule
 * ({@link #begun}, ADR 0016); then the slots are claimed before the booking row (a claim without a row
 * is finished by the client's retry with the same booking ID, which finds the slots its own); a cancel or reschedule changes the row first and releases old slots after
 * ({@code DELETE … IF booking_id = ?}). A slot left behind by a crash there is released on demand:
 * a claim that finds a slot held by a booking that no longer covers it frees it and tries again.
 */
final class CassandraBookingStore implements BookingStore {

    private static final String BOOKING_COLUMNS = "booking_id, channel_id, customer, service_id, staff_id, start, end, "
            + "slot_minutes, status, reason, version, updated_at";

    private final Cql cql;
    private final PreparedStatement putCalendar;
    private final PreparedStatement selectCalendar;
    private final PreparedStatement claimSlot;
    private final PreparedStatement releaseSlot;
    private final PreparedStatement selectSlots;
    private final PreparedStatement selectHolder;
    private final PreparedStatement insertBooking;
    private final PreparedStatement casBooking;
    private final PreparedStatement selectBooking;
    private final PreparedStatement putCustomer;
    private final PreparedStatement byCustomer;
    private final PreparedStatement putAttempt;
    private final PreparedStatement selectAttempt;

    CassandraBookingStore(Cql cql) {
        this.cql = cql;
        putCalendar = cql.prepare("INSERT INTO {ks}.calendars (channel_id, zone, slot_minutes, hours, staff) VALUES (?, ?, ?, ?, ?)");
        selectCalendar = cql.prepare("SELECT zone, slot_minutes, hours, staff FROM {ks}.calendars WHERE channel_id = ?");
        claimSlot = cql.prepare("INSERT INTO {ks}.slots (channel_id, staff_id, start, booking_id) VALUES (?, ?, ?, ?) IF NOT EXISTS");
        releaseSlot = cql.prepare("DELETE FROM {ks}.slots WHERE channel_id = ? AND staff_id = ? AND start = ? IF booking_id = ?");
        selectSlots = cql.prepare("SELECT start, booking_id FROM {ks}.slots WHERE channel_id = ? AND staff_id = ? "
                + "AND start >= ? AND start < ?");
        selectHolder = cql.prepare("SELECT booking_id FROM {ks}.slots WHERE channel_id = ? AND staff_id = ? AND start = ?");
        insertBooking = cql.prepare("INSERT INTO {ks}.bookings (" + BOOKING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "IF NOT EXISTS");
        casBooking = cql.prepare("UPDATE {ks}.bookings SET staff_id = ?, start = ?, end = ?, status = ?, reason = ?, version = ?, "
                + "updated_at = ? WHERE booking_id = ? IF version = ?");
        selectBooking = cql.prepare("SELECT " + BOOKING_COLUMNS + " FROM {ks}.bookings WHERE booking_id = ?");
        putCustomer = cql.prepare("INSERT INTO {ks}.bookings_by_customer (customer, booking_id) VALUES (?, ?)");
        byCustomer = cql.prepare("SELECT booking_id FROM {ks}.bookings_by_customer WHERE customer = ?");
        putAttempt = cql.prepare(BookingAttemptsTable.INSERT);
        selectAttempt = cql.prepare("SELECT channel_id FROM {ks}.booking_attempts WHERE booking_id = ? AND channel_id = ?");
    }

    @Override
    public void putCalendar(BookingCalendar c) {
        requireNonNull(c, "calendar");
        cql.execute(putCalendar.bind(c.channelId().uuid(), c.zone().getId(), c.slotMinutes(), c.hoursText(),
                ChannelCodecs.users(c.staff())));
    }

    @Override
    public Optional<BookingCalendar> calendar(ChannelId channelId) {
        Row row = cql.execute(selectCalendar.bind(requireNonNull(channelId, "channelId").uuid())).one();
        if (row == null || row.isNull("zone")) {
            return Optional.empty();
        }
        return Optional.of(new BookingCalendar(channelId, ZoneId.of(row.getString("zone")), row.getInt("slot_minutes"),
                BookingCalendar.parseHours(row.getString("hours")), ChannelCodecs.users(row.getString("staff"))));
    }

    @Override
    public SlotClaim book(Booking b) {
        requireNonNull(b, "booking");
        if (getSerial(b.id()).isPresent()) {
            return SlotClaim.DUPLICATE;
        }
        begin(b.channelId(), b.id());
        SlotClaim claim = claim(b, b.slots());
        if (claim == SlotClaim.TAKEN) {
            return claim;
        }
        cql.execute(putCustomer.bind(b.customer().uuid(), b.id().uuid()));
        ResultSet insert = Lwt.execute(cql, insertBooking.bind(b.id().uuid(), b.channelId().uuid(), b.customer().uuid(),
                b.serviceId().uuid(), b.staff().uuid(), b.start(), b.end(), b.slotMinutes(), b.status().name(), b.reason(),
                b.version(), b.updatedAt()));
        // Not applied but holding exactly our row: our own earlier attempt won and Lwt proposed it again.
        // (wasApplied() must be read before the rows are: the driver refuses it once they are consumed.)
        boolean applied = insert.wasApplied();
        Row existing = applied ? null : insert.one();
        boolean inserted = applied || existing != null && !existing.isNull("status") && b.equals(booking(existing));
        // The row did not exist when this call began and this call wrote it: a new booking, even if the claim
        // reported the slots already ours (a timed-out claim that Lwt proposed again, or an earlier try's claim).
        return inserted ? SlotClaim.BOOKED : SlotClaim.DUPLICATE;
    }

    /** One conditional batch over the staff member's partition; frees stale holders once and retries. */
    private SlotClaim claim(Booking b, List<Instant> slots) {
        if (slots.isEmpty()) {
            return SlotClaim.BOOKED;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
            for (Instant slot : slots) {
                batch.addStatement(claimSlot.bind(b.channelId().uuid(), b.staff().uuid(), slot, b.id().uuid()));
            }
            ResultSet result = Lwt.execute(cql, batch.build());
            if (result.wasApplied()) {
                return SlotClaim.BOOKED;
            }
            List<Row> holders = new ArrayList<>();
            result.forEach(holders::add);
            List<Row> others = holders.stream().filter(row -> !row.isNull("booking_id")
                    && !row.getUuid("booking_id").equals(b.id().uuid())).toList();
            if (others.isEmpty()) {
                // Every existing slot is ours (a re-run after an unknown outcome, or a retry): claim the rest.
                return holders.size() == slots.size() ? SlotClaim.DUPLICATE : claim(b, missing(slots, holders));
            }
            if (attempt > 0 || !freeStale(b, others)) {
                return SlotClaim.TAKEN;
            }
        }
        return SlotClaim.TAKEN;
    }

    private static List<Instant> missing(List<Instant> slots, List<Row> held) {
        Set<Instant> have = new LinkedHashSet<>();
        held.forEach(row -> have.add(row.getInstant("start")));
        return slots.stream().filter(slot -> !have.contains(slot)).toList();
    }

    /** Frees slots whose holder no longer covers them (a crash between its row change and its release). */
    private boolean freeStale(Booking b, List<Row> holders) {
        boolean freed = false;
        for (Row row : holders) {
            Instant slot = row.getInstant("start");
            BookingId holder = new BookingId(row.getUuid("booking_id"));
            Optional<Booking> held = getSerial(holder);
            boolean covers = held.map(h -> h.status().holdsSlots() && h.staff().equals(b.staff())
                    && h.slots().contains(slot)).orElse(true); // no row yet: a claim in progress
            if (!covers) {
                Lwt.execute(cql, releaseSlot.bind(b.channelId().uuid(), b.staff().uuid(), slot, holder.uuid()));
                freed = true;
            } else {
                return false;
            }
        }
        return freed;
    }

    private void release(Booking b, List<Instant> slots) {
        for (Instant slot : slots) {
            Lwt.execute(cql, releaseSlot.bind(b.channelId().uuid(), b.staff().uuid(), slot, b.id().uuid()));
        }
    }

    @Override
    public void begin(ChannelId channelId, BookingId id) {
        cql.execute(putAttempt.bind(requireNonNull(id, "id").uuid(), requireNonNull(channelId, "channelId").uuid()));
    }

    @Override
    public boolean begun(ChannelId channelId, BookingId id) {
        return cql.execute(selectAttempt.bind(requireNonNull(id, "id").uuid(), requireNonNull(channelId, "channelId").uuid()))
                .one() != null;
    }

    @Override
    public Optional<Booking> get(BookingId id) {
        Row row = cql.execute(selectBooking.bind(requireNonNull(id, "id").uuid())).one();
        return row == null || row.isNull("status") ? Optional.empty() : Optional.of(booking(row));
    }

    private Optional<Booking> getSerial(BookingId id) {
        Row row = Lwt.serialRead(cql, selectBooking.bind(id.uuid())).one();
        return row == null || row.isNull("status") ? Optional.empty() : Optional.of(booking(row));
    }

    @Override
    public Change<Booking> update(Booking next) {
        requireNonNull(next, "next");
        Optional<Booking> stored = getSerial(next.id());
        if (stored.isEmpty() || stored.get().version() != next.version() - 1) {
            return new Change<>(Change.Outcome.STALE, stored.orElse(null));
        }
        Booking current = stored.get();
        boolean sameStaff = current.staff().equals(next.staff());
        List<Instant> fresh = !next.status().holdsSlots() ? List.of()
                : next.slots().stream().filter(slot -> !sameStaff || !current.slots().contains(slot)).toList();
        if (claim(next, fresh) == SlotClaim.TAKEN) {
            return new Change<>(Change.Outcome.TAKEN, current);
        }
        boolean applied = Lwt.execute(cql, casBooking.bind(next.staff().uuid(), next.start(), next.end(), next.status().name(),
                next.reason(), next.version(), next.updatedAt(), next.id().uuid(), current.version())).wasApplied();
        Booking now = applied ? next : getSerial(next.id()).orElse(null);
        if (!next.equals(now)) {
            release(next, fresh);
            return new Change<>(Change.Outcome.STALE, now);
        }
        List<Instant> old = current.slots().stream()
                .filter(slot -> !next.status().holdsSlots() || !sameStaff || !next.slots().contains(slot)).toList();
        release(current, old);
        return new Change<>(Change.Outcome.APPLIED, next);
    }

    @Override
    public Optional<BookingId> holder(ChannelId channelId, UserId staff, Instant start) {
        Row row = cql.execute(selectHolder.bind(requireNonNull(channelId, "channelId").uuid(), requireNonNull(staff, "staff").uuid(),
                requireNonNull(start, "start"))).one();
        return row == null || row.isNull("booking_id") ? Optional.empty() : Optional.of(new BookingId(row.getUuid("booking_id")));
    }

    @Override
    public Set<Instant> takenSlots(ChannelId channelId, UserId staff, Instant from, Instant to) {
        Set<Instant> taken = new LinkedHashSet<>();
        cql.execute(selectSlots.bind(channelId.uuid(), staff.uuid(), from, to)).forEach(row -> taken.add(row.getInstant("start")));
        return taken;
    }

    @Override
    public List<Booking> between(ChannelId channelId, Collection<UserId> staff, Instant from, Instant to) {
        Set<BookingId> ids = new LinkedHashSet<>();
        for (UserId person : staff) {
            cql.execute(selectSlots.bind(channelId.uuid(), person.uuid(), from, to))
                    .forEach(row -> ids.add(new BookingId(row.getUuid("booking_id"))));
        }
        return ids.stream().map(this::get).flatMap(Optional::stream)
                .filter(b -> b.channelId().equals(channelId) && b.status().holdsSlots()
                        && !b.start().isBefore(from) && b.start().isBefore(to))
                .sorted(Comparator.comparing(Booking::start).thenComparing(Booking::id))
                .toList();
    }

    @Override
    public List<Booking> byCustomer(UserId customer, int limit) {
        StoreArguments.limit(limit);
        // The customer's index row is written before the booking's row, so a create cut off between the two leaves one.
        return IndexPages.fill(cql, byCustomer.bind(requireNonNull(customer, "customer").uuid()), limit, rows -> {
            List<Booking> page = new ArrayList<>();
            rows.forEach(row -> get(new BookingId(row.getUuid("booking_id"))).ifPresent(page::add));
            return page;
        });
    }

    private static Booking booking(Row row) {
        return new Booking(new BookingId(row.getUuid("booking_id")), new ChannelId(row.getUuid("channel_id")),
                new UserId(row.getUuid("customer")), new ItemId(row.getUuid("service_id")), new UserId(row.getUuid("staff_id")),
                row.getInstant("start"), row.getInstant("end"), row.getInt("slot_minutes"),
                BookingStatus.valueOf(row.getString("status")), row.getString("reason"), row.getInt("version"),
                row.getInstant("updated_at"));
    }
}
