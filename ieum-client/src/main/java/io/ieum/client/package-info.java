/**
 * The Java client of Ieum: typed REST calls with retry and site failover ({@link io.ieum.client.IeumClient}),
 * and a self-healing realtime connection ({@link io.ieum.client.realtime.Connection}).
 * Arguments and results are non-null unless a method says otherwise.
 */
package io.ieum.client;
