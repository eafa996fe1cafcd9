/**
 * A real three-site Cassandra cluster on one machine, one node per site, each a child {@code java}
 * process on its own loopback address (127.0.0.N, datacenter dcN). Used by {@code ieum cluster},
 * the fire drill and CI. The server jars come from {@code ieum-cassandra-dist}; nothing of Cassandra
 * is on this module's classpath except the Java driver.
 */
package io.ieum.devcluster;
