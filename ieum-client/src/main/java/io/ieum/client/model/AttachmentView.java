package io.ieum.client.model;

/** A stored file, addressed by the SHA-256 of its content. */
public record AttachmentView(String sha256, String name, String contentType, long size) {}
