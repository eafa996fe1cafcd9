package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.store.BlobStore;
import io.ieum.core.store.ReadStore;
import io.ieum.core.store.RoomStore;
import io.ieum.core.store.StorageBusyException;
import io.ieum.core.store.TimelineStore;

/** Sending, deleting, reading and paging messages, and catching up a device from its cursor. */
public final class MessageService {

    public static final int MAX_PAGE = 200;
    public static final int MAX_ATTACHMENTS = 10;
    private static final int RETRY_READ_THREADS = 2;
    private static final int RETRY_READ_QUEUE = 1_024;

    private final TimelineStore timeline;
    private final ReadStore reads;
    private final RoomStore rooms;
    private final BlobStore blobs;
    private final Membership membership;
    private final ContactService contacts;
    private final EventSink events;
    private final Limits limits;
    private final Clock clock;
    /** Reads a retried send's stored entry: not on the thread that completed the write, maybe an event loop. */
    private final Executor retryReads;

    public MessageService(TimelineStore timeline, ReadStore reads, RoomStore rooms, BlobStore blobs, Membership membership,
                          ContactService contacts, EventSink events, Limits limits, Clock clock, Executor retryReads) {
        this.timeline = requireNonNull(timeline, "timeline");
        this.reads = requireNonNull(reads, "reads");
        this.rooms = requireNonNull(rooms, "rooms");
        this.blobs = requireNonNull(blobs, "blobs");
        this.membership = requireNonNull(membership, "membership");
        this.contacts = requireNonNull(contacts, "contacts");
        this.events = requireNonNull(events, "events");
        this.limits = requireNonNull(limits, "limits");
        this.clock = requireNonNull(clock, "clock");
        this.retryReads = requireNonNull(retryReads, "retryReads");
    }

    /**
     * A small pool of daemon threads for {@code retryReads}. Bounded: a retry it cannot take fails
     * as busy, and the client retries it again later with the same ID.
     */
    public static Executor retryReader() {
        return DaemonPool.bounded("retry-read", RETRY_READ_THREADS, RETRY_READ_QUEUE);
    }

    /**
     * Stores a message under its client-made ID and pushes it to every member. A retry with the same
     * ID (here or on another site) is acknowledged as a duplicate and pushed again, never stored twice.
     * The future completes once the message is durable; validation failures are thrown at once.
     */
    public CompletableFuture<SendResult> send(AuthContext caller, RoomId roomId, MessageId id, String text,
                                              MessageId replyTo, List<Attachment> attachments) {
        requireNonNull(id, "id");
        List<Attachment> files = attachments == null ? List.of() : attachments;
        String body = checkedText(text, files);
        Room room = membership.requireRoomOf(roomId, caller.userId());
        Set<UserId> members = membership.memberIds(roomId);
        return send(caller, room, members, id, body, replyTo, files);
    }

    /** The message's text ("" for none) once its length and the number of attachments are allowed. */
    private String checkedText(String text, List<Attachment> files) {
        String body = text == null ? "" : text;
        int length = body.codePointCount(0, body.length());
        if (length > limits.maxTextLength()) {
            throw new IeumException(ErrorCode.TOO_LARGE, "text: " + length + " characters (expected: at most " + limits.maxTextLength() + ")");
        }
        if (body.isBlank() && files.isEmpty()) {
            throw IeumException.invalid("text: empty (expected: text or at least one attachment)");
        }
        if (files.size() > MAX_ATTACHMENTS) {
            throw IeumException.invalid("attachments: " + files.size() + " (expected: at most " + MAX_ATTACHMENTS + ")");
        }
        return body;
    }

    /**
     * {@link #sendChecked} for a caller that must not wait for storage (a socket's event loop): it
     * goes ahead only when no check needs a storage read — a group room whose members are cached, no
     * reply, no attachments, an ID within the clock window — and returns null otherwise, leaving the
     * send to a thread that may wait. Validation failures are thrown at once, as by {@link #send}.
     */
    public CompletableFuture<SendResult> sendFromMemory(AuthContext caller, RoomId roomId, MessageId id, String text,
                                                        MessageId replyTo, List<Attachment> attachments) {
        requireNonNull(id, "id");
        if (replyTo != null || (attachments != null && !attachments.isEmpty()) || staleness(id) != null) {
            return null;
        }
        Membership.Known known = membership.cached(roomId);
        if (known == null || known.room().kind() == RoomKind.DIRECT) {
            return null; // a direct room needs the block list, which is read from storage
        }
        if (!known.members().contains(caller.userId())) {
            throw Membership.notMember(roomId);
        }
        return send(caller, known.room(), known.members(), id, checkedText(text, List.of()), null, List.of());
    }

    private CompletableFuture<SendResult> send(AuthContext caller, Room room, Set<UserId> members, MessageId id,
                                               String body, MessageId replyTo, List<Attachment> files) {
        RoomId roomId = room.id();
        if (room.kind() == RoomKind.DIRECT) {
            for (UserId other : members) {
                if (!other.equals(caller.userId()) && contacts.blockedEitherWay(caller.userId(), other)) {
                    throw new IeumException(ErrorCode.BLOCKED, "roomId: " + roomId + " (expected: a conversation neither side has blocked)");
                }
            }
        }
        if (replyTo != null && timeline.get(roomId, replyTo).filter(Entry::isMessage).isEmpty()) {
            throw IeumException.invalid("replyTo: " + replyTo + " (expected: a message in room " + roomId + ")");
        }
        for (Attachment file : files) {
            checkAttachment(caller.userId(), file);
        }
        Entry entry = Entry.message(roomId, id, caller.userId(), body, replyTo, files);
        return timeline.append(entry).thenCompose(result -> {
            if (result == AppendResult.STORED) {
                events.publish(members, new LiveEvent.EntryAdded(entry));
                return CompletableFuture.completedFuture(new SendResult(entry, result));
            }
            return republishRetry(members, entry);
        });
    }

    /** A retry of a stored message: checks that it is the same message, and pushes the stored one again. */
    private CompletableFuture<SendResult> republishRetry(Set<UserId> members, Entry retried) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                Entry stored = timeline.get(retried.roomId(), retried.id()).orElse(retried);
                if (!stored.sameWriteAs(retried)) {
                    throw new IeumException(ErrorCode.ID_CONFLICT, "id: " + retried.id() + " (expected: a new ID for a new message)");
                }
                events.publish(members, new LiveEvent.EntryAdded(stored));
                return new SendResult(stored, AppendResult.DUPLICATE);
            }, retryReads);
        } catch (RejectedExecutionException full) {
            throw new StorageBusyException("retried sends: too many waiting for a read (expected: retry later with the same ID)");
        }
    }

    /**
     * An attachment must name bytes the sender uploaded, with their true size: otherwise anyone who
     * knew a blob's hash could attach it to a room of their own and download it from there.
     */
    private void checkAttachment(UserId sender, Attachment file) {
        var blob = blobs.info(file.sha256()).filter(info -> blobs.isUploader(file.sha256(), sender));
        if (blob.isEmpty()) {
            throw IeumException.invalid("attachments.sha256: " + file.sha256() + " (expected: a file you uploaded)");
        }
        if (blob.get().size() != file.size()) {
            throw IeumException.invalid("attachments.size: " + file.size() + " (expected: " + blob.get().size()
                    + ", the size of the uploaded file)");
        }
    }

    /**
     * Sends after checking the ID against the clock: a new message's ID must lie within
     * {@code idMaxAge} before and {@code idMaxFutureSkew} after the server clock (ADR 0002). An ID
     * outside that range is still accepted as a retry when it is already stored; only then is the
     * store consulted, so the common path costs no extra read.
     */
    public CompletableFuture<SendResult> sendChecked(AuthContext caller, RoomId roomId, MessageId id, String text,
                                                     MessageId replyTo, List<Attachment> attachments) {
        requireNonNull(id, "id");
        String stale = staleness(id);
        if (stale != null) {
            membership.requireMember(roomId, caller.userId());
            if (timeline.get(roomId, id).isEmpty()) {
                throw IeumException.invalid(stale);
            }
        }
        return send(caller, roomId, id, text, replyTo, attachments);
    }

    /** Why a new message may not use this ID, or null if it may. */
    private String staleness(MessageId id) {
        Instant now = clock.instant();
        Instant at = id.createdAt();
        if (at.isBefore(now.minus(limits.idMaxAge()))) {
            return "id: " + id + " was made at " + at + " (expected: made within "
                    + limits.idMaxAge().toSeconds() + " s of the server clock " + now + "; make a new ID)";
        }
        if (at.isAfter(now.plus(limits.idMaxFutureSkew()))) {
            return "id: " + id + " was made at " + at + " (expected: not later than the server clock "
                    + now + " + " + limits.idMaxFutureSkew().toSeconds() + " s)";
        }
        return null;
    }

    /** Deletes the caller's own message for everyone, within the delete window. Repeating it is harmless. */
    public CompletableFuture<Entry> delete(AuthContext caller, RoomId roomId, MessageId target) {
        membership.requireMember(roomId, caller.userId());
        Entry message = timeline.get(roomId, target)
                .filter(Entry::isMessage)
                .orElseThrow(() -> IeumException.notFound("id: " + target + " (expected: a message in room " + roomId + ")"));
        if (!message.sender().equals(caller.userId())) {
            throw IeumException.forbidden("id: " + target + " (expected: a message you sent)");
        }
        if (message.deleted()) {
            return CompletableFuture.completedFuture(message);
        }
        Instant deadline = message.id().createdAt().plus(limits.deleteWindow());
        if (clock.instant().isAfter(deadline)) {
            throw new IeumException(ErrorCode.DELETE_WINDOW_PASSED, "id: " + target + " could be deleted until " + deadline
                    + " (expected: within " + limits.deleteWindow().toMinutes() + " min of sending)");
        }
        Entry deletion = Entry.event(roomId, MessageId.generate(), caller.userId(), EntryKind.DELETION, target.toString());
        return timeline.delete(roomId, target, deletion).thenApply(ignored -> {
            events.publish(membership.memberIds(roomId), new LiveEvent.EntryAdded(deletion));
            return message.asDeleted();
        });
    }

    /** Up to {@code limit} entries older than {@code before} (newest first), each with its "not read by N". */
    public List<HistoryEntry> history(AuthContext caller, RoomId roomId, MessageId before, int limit) {
        checkLimit(limit);
        membership.requireMember(roomId, caller.userId());
        List<Entry> page = timeline.before(roomId, before, limit);
        Set<UserId> members = membership.memberIds(roomId);
        Map<UserId, MessageId> positions = reads.positions(roomId);
        List<HistoryEntry> result = new ArrayList<>(page.size());
        for (Entry entry : page) {
            result.add(new HistoryEntry(entry, entry.isMessage() ? unreadBy(entry, members, positions) : 0));
        }
        return result;
    }

    /** Members other than the sender whose read position is before the entry. */
    static int unreadBy(Entry entry, Set<UserId> members, Map<UserId, MessageId> positions) {
        int count = 0;
        for (UserId member : members) {
            if (member.equals(entry.sender())) {
                continue;
            }
            MessageId position = positions.get(member);
            if (position == null || position.compareTo(entry.id()) < 0) {
                count++;
            }
        }
        return count;
    }

    /** Moves the caller's read position forward to {@code upTo} and tells every member's devices. */
    public CompletableFuture<Void> markRead(AuthContext caller, RoomId roomId, MessageId upTo) {
        membership.requireMember(roomId, caller.userId());
        if (upTo.createdAt().isAfter(clock.instant().plus(limits.idMaxFutureSkew()))) {
            throw IeumException.invalid("upTo: " + upTo + " (expected: the ID of an entry already in the room)");
        }
        return reads.advance(roomId, caller.userId(), upTo).thenRun(() ->
                events.publish(membership.memberIds(roomId), new LiveEvent.ReadMoved(roomId, caller.userId(), upTo)));
    }

    /**
     * What the caller's device missed since {@code cursor} (from the very start, if null): entries of all the
     * caller's rooms newer than the cursor, oldest first. After a reconnect ({@code continuation}
     * false) the page starts the sync overlap before the cursor, to catch entries that became
     * visible behind it; the following pages of the same catch-up ({@code continuation} true,
     * passing the returned cursor) start exactly after it, so a long catch-up always advances.
     */
    public SyncPage sync(AuthContext caller, MessageId cursor, boolean continuation, int limit) {
        checkLimit(limit);
        MessageId from = cursor == null ? MessageId.lowestAt(java.time.Instant.EPOCH)
                : continuation ? cursor
                : MessageId.lowestAt(cursor.createdAt().minus(limits.syncOverlap()));
        // One more than the page per room, so that a single busy room still reports hasMore.
        List<Entry> collected = new ArrayList<>();
        for (RoomId roomId : rooms.roomsOf(caller.userId())) {
            var latest = timeline.latest(roomId);
            if (latest.isPresent() && latest.get().id().compareTo(from) > 0) {
                collected.addAll(timeline.after(roomId, from, limit + 1));
            }
        }
        collected.sort(Comparator.comparing(Entry::id));
        boolean hasMore = collected.size() > limit;
        List<Entry> page = hasMore ? List.copyOf(collected.subList(0, limit)) : List.copyOf(collected);
        MessageId next = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
        return new SyncPage(page, next, hasMore);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw IeumException.invalid("limit: " + limit + " (expected: 1.." + MAX_PAGE + ")");
        }
    }
}
