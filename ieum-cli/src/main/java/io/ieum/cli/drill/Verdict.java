package io.ieum.cli.drill;

/**
 * What the final check of every member's view found.
 *
 * @param lost                  acknowledged messages missing from at least one member's history
 * @param duplicated            messages stored more than once (same text under two IDs, or one ID twice)
 * @param orderMismatches       (room, member) pairs whose history order differs from the room's first member
 * @param notDelivered          (message, member) pairs acknowledged but never pushed to that member's client
 * @param acknowledgedWhileCutOff sends made while a majority was unreachable and acknowledged before it was back
 * @param storedWithoutAck      sends never acknowledged that are stored anyway (allowed: the client would retry them)
 */
record Verdict(int lost, int duplicated, int orderMismatches, int notDelivered, int acknowledgedWhileCutOff,
               int storedWithoutAck) {}
