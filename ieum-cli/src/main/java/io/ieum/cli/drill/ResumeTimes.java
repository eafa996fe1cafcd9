package io.ieum.cli.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time to resume per client: the longest any of its sends waited for an acknowledgement among
 * those in flight when the fault struck or made after it (until {@code until}). A client of the
 * dead site waits for its reconnect to another site and the re-send; a client of a surviving site
 * waits for whatever its site's storage waits for. A send never acknowledged counts as forever.
 */
final class ResumeTimes {

    static final long NEVER = Long.MAX_VALUE;

    private ResumeTimes() {}

    /** Client index to milliseconds ({@link #NEVER} if one of its sends was never acknowledged). */
    static Map<Integer, Long> perClient(List<SendRecord> sends, long from, long until, int clients) {
        Map<Integer, Long> worst = new TreeMap<>();
        for (int c = 0; c < clients; c++) {
            worst.put(c, 0L);
        }
        for (SendRecord send : sends) {
            boolean inFlightAtFault = send.sentAt < from && (!send.isAcked() || send.ackedAt() > from);
            boolean madeDuring = send.sentAt >= from && send.sentAt < until;
            if (!inFlightAtFault && !madeDuring) {
                continue;
            }
            long waited = send.isAcked() ? send.ackedAt() - Math.max(from, send.sentAt) : NEVER;
            worst.merge(send.client, waited, Math::max);
        }
        return worst;
    }

    /**
     * The send of {@code client} that set its time to resume (the one that waited longest, as in
     * {@link #perClient}), if it made any in the window.
     */
    static java.util.Optional<SendRecord> worstOf(List<SendRecord> sends, int client, long from, long until) {
        SendRecord worst = null;
        long longest = -1;
        for (SendRecord send : sends) {
            if (send.client != client) {
                continue;
            }
            boolean inFlightAtFault = send.sentAt < from && (!send.isAcked() || send.ackedAt() > from);
            boolean madeDuring = send.sentAt >= from && send.sentAt < until;
            if (!inFlightAtFault && !madeDuring) {
                continue;
            }
            long waited = send.isAcked() ? send.ackedAt() - Math.max(from, send.sentAt) : NEVER;
            if (waited > longest) {
                longest = waited;
                worst = send;
            }
        }
        return java.util.Optional.ofNullable(worst);
    }

    /** The {@code q}-quantile (nearest rank) of {@code values}; 0 for none. */
    static long percentile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
