package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.Status;

/**
 * Naming an interface row by LUID or index (F1, V4–V6, Q5): a non-zero LUID is used as is and the index ignored;
 * with LUID 0 the index names the row, and an unknown index is ERROR_FILE_NOT_FOUND, or ERROR_NOT_FOUND when the
 * interface has a row only in the other family.
 */
final class InterfaceNames {

    /** The LUID a (LUID, index) pair names, or the status that says why it names none. */
    record Resolution(long luid, Status status, String message) {
        boolean failed() {
            return status != null;
        }
    }

    private InterfaceNames() {
    }

    static Resolution resolve(RouterInterfaces ifs, IpFamily family, long luid, long index) {
        if (luid != 0) {
            return new Resolution(luid, null, null);
        }
        InterfaceRow named = ifs.rowAt(family, index);
        if (named != null) {
            return new Resolution(named.interfaceLuid(), null, null);
        }
        IpFamily other = family == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4;
        if (ifs.rowAt(other, index) != null) {
            return new Resolution(0, Status.ERROR_NOT_FOUND, "interface index " + index + " has no " + family
                    + " row (V6)");
        }
        return new Resolution(0, Status.ERROR_FILE_NOT_FOUND, "no interface has index " + index + " (Q5)");
    }
}
