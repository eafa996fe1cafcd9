package io.ieum.core.model;

/** The owner of a group may remove members; everyone else is a plain member. */
public enum MemberRole {
    OWNER,
    MEMBER
}
