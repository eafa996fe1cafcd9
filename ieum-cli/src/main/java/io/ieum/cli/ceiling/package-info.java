/**
 * {@code ieum ceiling}: what this machine can do with no Ieum in the way. A bare Netty WebSocket
 * relay ({@code serve}: a group per connection, every frame relayed to its group) and a bare load
 * generator for it ({@code load}), so that a benchmark of Ieum can be set against the floor that
 * the kernel's loopback TCP and Netty alone leave (docs/benchmarks.md, "The fan-out ceiling").
 * Nothing here uses Ieum's server or client code.
 */
package io.ieum.cli.ceiling;
