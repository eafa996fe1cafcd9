package io.ieum.cli.bench;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one generator process does: its connections (whole rooms, so every delivery of a message it
 * sends is seen by the process that timed the send) and its share of the send rate. A child
 * process reads it from a file the parent wrote.
 *
 * @param bindAddress  source address of the sockets, or null
 * @param warmupMillis how long from the start sends are not timed (see {@link BenchPlan#warmup()})
 * @param spread       whether a room's members connect to different servers (see {@link BenchPlan#spread()})
 * @param sendTickNanos see {@link BenchPlan#sendTick()}
 * @param rampUp       see {@link BenchPlan#rampUp()}
 */
public record WorkerShare(int index, List<URI> servers, String bindAddress, int ioThreads, List<Seat> seats,
                          double ratePerSecond, long sends, long graceMillis,
                          long warmupMillis, boolean spread, long sendTickNanos, boolean rampUp) {

    /** When each of this share's sends is due. */
    SendSchedule schedule() {
        return new SendSchedule(ratePerSecond, TimeUnit.MILLISECONDS.toNanos(warmupMillis), rampUp);
    }

    /**
     * The failover list of a room's member: with {@code spread}, member m starts at server
     * m mod n and goes on round the list, so a room's members sit on every site; otherwise the list as given.
     */
    public List<URI> serversOf(int memberIndex) {
        if (!spread || servers.size() == 1) {
            return servers;
        }
        List<URI> rotated = new java.util.ArrayList<>(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            rotated.add(servers.get((memberIndex + i) % servers.size()));
        }
        return rotated;
    }

    /**
     * One connection: a user's token, its room, which member of the room it is and how many
     * connections the room has in all.
     */
    public record Seat(String token, String roomId, int memberIndex, int roomConnections) {}
}
