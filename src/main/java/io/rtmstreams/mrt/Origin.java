package io.rtmstreams.mrt;

/** The ORIGIN attribute (RFC 4271 §5.1.1), in its code order: IGP 0, EGP 1, INCOMPLETE 2. */
public enum Origin {
    IGP, EGP, INCOMPLETE;

    static Origin of(int code) {
        if (code < 0 || code > 2) {
            throw new MalformedRecordException("ORIGIN: unknown value " + code);
        }
        return values()[code];
    }

    /** The code of the attribute: 0, 1 or 2. */
    public int code() {
        return ordinal();
    }
}
