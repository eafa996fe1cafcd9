package io.ieum.core.channel;

/** The owner edits the channel and its staff; staff work the inbox, order board and calendar. */
public enum StaffRole {
    OWNER,
    STAFF
}
