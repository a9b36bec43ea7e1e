package io.auditrail.sample.member;

/** What a member may do in their organisation. */
public enum Role {
    /** Manages members, API keys and settings, and reads the organisation's whole audit trail. */
    ADMIN,
    /** Works with invoices and reads only their own audit trail. */
    MEMBER
}
