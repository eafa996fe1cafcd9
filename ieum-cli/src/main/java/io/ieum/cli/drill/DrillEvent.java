package io.ieum.cli.drill;

/** A moment of the drill worth marking on the timeline: the kill, the restart, a freeze. */
record DrillEvent(long at, String key, String label) {}
