/**
 * {@code ieum bench}: a bounded load generator on loopback. It signs up users, puts them in groups,
 * opens realtime connections through the client library, sends at a target rate, and checks that
 * every acknowledged message reached every member's connection exactly once.
 */
package io.ieum.cli.bench;
