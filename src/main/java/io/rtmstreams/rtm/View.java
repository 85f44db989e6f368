package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.List;

/**
 * The views (RIBs) of a table (R4). Only unicast (id 0) and multicast (id 1) are supported (D9); a view set is a
 * 32-bit mask with bit {@code 1 << id} per view.
 */
public enum View {
    UNICAST(0, "unicast"),
    MULTICAST(1, "multicast");

    /** RTM_VIEW_MASK_ANY / RTM_VIEW_MASK_NONE: any view, but no per-view data (R5). */
    public static final int MASK_ANY = 0;
    /** RTM_VIEW_MASK_ALL: every supported view (R5). */
    public static final int MASK_ALL = 0xFFFF_FFFF;
    /** ViewsSupported = unicast | multicast (D9). */
    public static final int SUPPORTED = 0x3;

    private static final View[] BY_ID = values();

    private final int id;
    private final String wireName;

    View(int id, String wireName) {
        this.id = id;
        this.wireName = wireName;
    }

    public int id() {
        return id;
    }

    public int mask() {
        return 1 << id;
    }

    public boolean in(int mask) {
        return (mask & mask()) != 0;
    }

    /** {@code "unicast"} or {@code "multicast"}. */
    public String wireName() {
        return wireName;
    }

    /** The contract's names, exactly as written there: "unicast" or "multicast". */
    public static View fromName(String name) {
        for (View v : BY_ID) {
            if (v.wireName.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is neither unicast nor multicast");
    }

    /** The views of a mask, in ascending id order (R39). */
    public static List<View> of(int mask) {
        List<View> out = new ArrayList<>(2);
        for (View v : BY_ID) {
            if (v.in(mask)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Validates the views of a route or a registration (R76, R97): empty is ERROR_INVALID_PARAMETER, a view
     * outside ViewsSupported is ERROR_NOT_SUPPORTED.
     */
    static int checkRouteViews(int mask) {
        if (mask == 0) {
            throw RtmException.invalidParameter("views must name at least one view");
        }
        if ((mask & ~SUPPORTED) != 0) {
            throw RtmException.notSupported("view mask 0x" + Integer.toHexString(mask) + " names an unsupported view");
        }
        return mask;
    }

    /**
     * Resolves a query view mask (R5): ANY stays 0 (no per-view data), ALL is intersected with ViewsSupported, any
     * other mask with an unsupported view is ERROR_NOT_SUPPORTED.
     */
    static int resolveQueryViews(int mask) {
        if (mask == MASK_ALL) {
            return SUPPORTED;
        }
        if ((mask & ~SUPPORTED) != 0) {
            throw RtmException.notSupported("view mask 0x" + Integer.toHexString(mask) + " names an unsupported view");
        }
        return mask;
    }
}
