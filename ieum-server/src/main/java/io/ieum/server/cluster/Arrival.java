package io.ieum.server.cluster;

/** How one event from a peer fits the numbering of its origin (see {@link OriginSequences}). */
enum Arrival {
    /** The first event of a node name never heard before: nothing to compare with. */
    FIRST,
    /** The next number of the same boot. */
    IN_ORDER,
    /** A number already seen (or our own event come back): dropped. */
    DUPLICATE,
    /** Numbers were skipped: the origin dropped events meant for this node. */
    SKIPPED,
    /** The first event of a new boot ID of a known node name: what its old boot had not sent yet is lost. */
    RESTARTED
}
