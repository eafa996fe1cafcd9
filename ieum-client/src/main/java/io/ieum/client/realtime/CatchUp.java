package io.ieum.client.realtime;

import io.ieum.client.model.SyncPage;

/**
 * Fetches what a connection missed while it was away, off its socket (the REST sync of
 * docs/protocol.md). The server handles one socket's frames strictly in order, so a catch-up sent
 * as a {@code sync} frame holds back every send made after it until its last page is read; after a
 * failover those pages can take seconds (ADR 0014), and the sends wait with them.
 */
@FunctionalInterface
public interface CatchUp {

    /**
     * One page: from {@code cursor} with the server's overlap, or strictly after it when
     * {@code continuation}. Called on a thread that may block.
     */
    SyncPage page(String cursor, boolean continuation);
}
