/** Typed failures of the domain; the server maps them to HTTP and WebSocket errors in one place. */
package io.ieum.core.error;
