package io.ieum.client.model;

/** The answer to placing an order: {@code stored}, or {@code duplicate} (with its current state) for a retry. */
public record OrderResult(String status, OrderView order) {

    public boolean isDuplicate() {
        return "duplicate".equals(status);
    }
}
