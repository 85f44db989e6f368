package io.rtmstreams.mrt;

/**
 * A BGP session's finite-state-machine change (RFC 4271 §8): 1 Idle, 2 Connect, 3 Active, 4 OpenSent, 5
 * OpenConfirm, 6 Established (Quagga also logs 7 Clearing and 8 Deleted).
 */
public record StateChange(long offset, long epochMicros, Peer peer, int oldState, int newState)
        implements MrtRecord {

    public static final int ESTABLISHED = 6;

    /** The session went down: its peer's routes are gone. */
    public boolean leftEstablished() {
        return oldState == ESTABLISHED && newState != ESTABLISHED;
    }
}
