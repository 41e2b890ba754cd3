package org.planwatch.notification.preference;

/** How a recipient gets their email: each at once, or all of a day's in one digest. */
public enum Delivery {
    IMMEDIATE, DAILY_DIGEST
}
