package io.ieum.client.model;

/** The answer to a REST send: {@code status} is {@code stored}, or {@code duplicate} for a retry. */
public record SendResult(String status, EntryView entry) {

    public boolean isDuplicate() {
        return "duplicate".equals(status);
    }
}
