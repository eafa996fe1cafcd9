package io.ieum.client.model;

/** The server's word that a message is durable: {@code status} is {@code stored} or {@code duplicate}. */
public record Ack(String id, String roomId, String status) {}
