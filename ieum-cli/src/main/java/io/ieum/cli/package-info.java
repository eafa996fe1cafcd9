/**
 * The {@code ieum} command: {@code serve} runs a server, the other commands talk to a running one
 * through the client library, {@code bench} loads it. Every command writes to the streams it is
 * given and returns an exit code, so tests run it without a process. Output text comes from the
 * {@code i18n/cli} bundles, chosen by the JVM locale.
 */
package io.ieum.cli;
