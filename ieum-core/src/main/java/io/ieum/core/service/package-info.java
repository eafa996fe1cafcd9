/**
 * Domain services: the product's rules (who may do what, limits, idempotent sends, unread counts,
 * sync) over the storage ports. Transports (REST, WebSocket, CLI) call these and nothing below them.
 */
package io.ieum.core.service;
