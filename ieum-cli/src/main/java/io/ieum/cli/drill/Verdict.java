package io.ieum.cli.drill;

import java.util.List;

/**
 * What the final check of every member's view found.
 *
 * @param lost                  acknowledged messages missing from at least one member's history
 * @param duplicated            messages stored more than once (same text under two IDs, or one ID twice)
 * @param orderMismatches       (room, member) pairs whose history order differs from the room's first member
 * @param notDelivered          (message, member) pairs acknowledged but never pushed to that member's client
 * @param acknowledgedWhileCutOff sends made while a majority was unreachable and acknowledged before it was back
 * @param storedWithoutAck      sends never acknowledged that are stored anyway (allowed: the client would retry them)
 * @param missedPushes          the first few (message, member) pairs never pushed, with when the message was sent and
 *                              acknowledged and the member's connection changes, to tell a lost event from a race
 */
record Verdict(int lost, int duplicated, int orderMismatches, int notDelivered, int acknowledgedWhileCutOff,
               int storedWithoutAck, List<String> missedPushes) {

    static final int MISSED_PUSHES_SHOWN = 20;

    Verdict {
        missedPushes = List.copyOf(missedPushes);
    }
}
