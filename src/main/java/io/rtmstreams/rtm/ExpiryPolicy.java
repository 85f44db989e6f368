package io.rtmstreams.rtm;

/**
 * What an entity's expiry callback would answer, declared at registration (D7, R84–R86): {@code DELETE} stands for
 * ERROR_NOT_SUPPORTED (RTM deletes the route), {@code NOTIFY} for "handled" (the route stays, with no timer, until
 * its next add or update).
 */
public enum ExpiryPolicy {
    DELETE,
    NOTIFY
}
