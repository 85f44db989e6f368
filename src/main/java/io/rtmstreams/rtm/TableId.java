package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;

import java.util.Objects;

/**
 * One routing table: (router, rtmInstance, family) (D1). Nothing is shared between tables except what the
 * router shares across them (interface rows, id counters).
 */
public final class TableId {

    private final String router;
    private final int rtmInstance;
    private final IpFamily family;
    private final byte[] keyPrefix;

    private TableId(String router, int rtmInstance, IpFamily family) {
        this.router = router;
        this.rtmInstance = rtmInstance;
        this.family = family;
        this.keyPrefix = Keys.table(router, rtmInstance, family);
    }

    public static TableId of(String router, int rtmInstance, IpFamily family) {
        checkRouter(router);
        checkInstance(rtmInstance);
        return new TableId(router, rtmInstance, Objects.requireNonNull(family, "family"));
    }

    /** Checks the contract's router id syntax (every command asks); see {@link #isIdentifier}. */
    public static String checkRouter(String router) {
        if (!isIdentifier(router)) {
            throw new IllegalArgumentException("router must be 1-64 characters of A-Z a-z 0-9 . _ : - (got '" + router + "')");
        }
        return router;
    }

    /** True when {@code s} is a router id by the contract's syntax (1–64 of {@code A-Z a-z 0-9 . _ : -}). */
    public static boolean isRouter(String s) {
        return isIdentifier(s);
    }

    /**
     * The contract's identifier syntax, shared by router ids and registration ids: 1–64 of
     * {@code A-Z a-z 0-9 . _ : -}. Null is not an identifier.
     */
    static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static int checkInstance(int rtmInstance) {
        if (rtmInstance < 0 || rtmInstance > 0xFFFF) {
            throw new IllegalArgumentException("rtmInstance must be 0-65535 (got " + rtmInstance + ")");
        }
        return rtmInstance;
    }

    public String router() {
        return router;
    }

    public int rtmInstance() {
        return rtmInstance;
    }

    public IpFamily family() {
        return family;
    }

    /** The sortable key prefix {@code router 0x00 | instance (u16) | family (u8)} shared by this table's keys. */
    byte[] keyPrefix() {
        return keyPrefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableId t && t.rtmInstance == rtmInstance && t.family == family && t.router.equals(router);
    }

    @Override
    public int hashCode() {
        return (router.hashCode() * 31 + rtmInstance) * 31 + family.ordinal();
    }

    @Override
    public String toString() {
        return router + "|" + rtmInstance + "|" + family;
    }
}
