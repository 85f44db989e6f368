package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.Unsigned;

import java.util.List;

/**
 * The V rules that apply to a row a producer sends (§3). Each failure is ERROR_INVALID_PARAMETER, and the change
 * then alters nothing (D20).
 *
 * <p>Which rules, and why:
 * <ul>
 *   <li>V1 (NULL row), V2 (family other than 2 or 23), V3 (LUID and index both 0): the row names nothing.</li>
 *   <li>V8 (SitePrefixLength above 32 on IPv4, above 128 on IPv6), V11 (NlMtu below 1280 on IPv6, below 576 on
 *   IPv4) and V12 (RouterDiscoveryBehavior or LinkLocalAddressBehavior outside {−1, 0, 1, 2}): SetIpInterfaceEntry
 *   refuses these, and a row we would store must be one Windows could hold.</li>
 *   <li>Field widths (§2.1 C types): ULONG fields are 0..2^32−1, InterfaceIndex likewise, ZoneIndices has exactly
 *   ScopeLevelCount (16) ULONG entries. A value Windows cannot represent is an invalid parameter.</li>
 *   <li>D18: every unicast address is of the row's family, and neither unspecified nor multicast.</li>
 * </ul>
 * Not applied: V4–V6 are name resolution, done when the change is applied ({@link InterfaceChanges}); V7 (access
 * rights) has no counterpart; V9's ignored fields are stored as sent but never decide anything; V10's sentinels
 * are resolved when the change is applied; V13–V15 describe the Windows calls, not rows.
 * A DELETE_INSTANCE row is checked for its keys only, because only the keys of a notification row are reliable
 * (N4).
 */
final class RowValidator {


    /** A broken rule and why. */
    record Violation(String rule, String message) {
        @Override
        public String toString() {
            return rule + ": " + message;
        }
    }

    private RowValidator() {
    }

    /** V1–V3 and the key fields' widths: enough to name the row. */
    static Violation checkKey(InterfaceRow row) {
        if (row == null) {
            return new Violation("V1", "the interface row is missing");
        }
        if (row.family() != IpFamily.IPV4.afNumber() && row.family() != IpFamily.IPV6.afNumber()) {
            return new Violation("V2", "family " + row.family() + " is neither AF_INET (2) nor AF_INET6 (23)");
        }
        if (row.interfaceLuid() == 0 && row.interfaceIndex() == 0) {
            return new Violation("V3", "InterfaceLuid and InterfaceIndex are both 0");
        }
        return u32("InterfaceIndex", row.interfaceIndex());
    }

    /** Every rule that applies to a full row. */
    static Violation checkRow(InterfaceRow row) {
        Violation v = checkKey(row);
        if (v == null) {
            v = checkSettings(row);
        }
        if (v == null) {
            v = checkWidths(row);
        }
        return v == null ? checkAddresses(row) : v;
    }

    private static Violation checkSettings(InterfaceRow row) {
        boolean v4 = row.family() == IpFamily.IPV4.afNumber();
        long maxSite = v4 ? 32 : 128;
        if (Long.compareUnsigned(row.sitePrefixLength(), maxSite) > 0) {
            return new Violation("V8", "SitePrefixLength " + row.sitePrefixLength() + " exceeds " + maxSite
                    + (v4 ? " (send 0 for IPv4 rows)" : ""));
        }
        long minMtu = v4 ? 576 : 1280;
        if (row.nlMtu() < minMtu) {
            return new Violation("V11", "NlMtu " + row.nlMtu() + " is below " + minMtu);
        }
        if (!behaviour(row.routerDiscoveryBehavior())) {
            return new Violation("V12", "RouterDiscoveryBehavior " + row.routerDiscoveryBehavior()
                    + " is not -1, 0, 1 or 2");
        }
        if (!behaviour(row.linkLocalAddressBehavior())) {
            return new Violation("V12", "LinkLocalAddressBehavior " + row.linkLocalAddressBehavior()
                    + " is not -1, 0, 1 or 2");
        }
        return null;
    }

    private static boolean behaviour(int v) {
        return v >= InterfaceRow.UNCHANGED && v <= 2;
    }

    private static Violation checkWidths(InterfaceRow row) {
        long[] values = {row.maxReassemblySize(), row.minRouterAdvertisementInterval(),
                row.maxRouterAdvertisementInterval(), row.dadTransmits(), row.baseReachableTime(),
                row.retransmitTime(), row.pathMtuDiscoveryTimeout(), row.linkLocalAddressTimeout(),
                row.sitePrefixLength(), row.metric(), row.nlMtu(), row.reachableTime()};
        String[] names = {"MaxReassemblySize", "MinRouterAdvertisementInterval", "MaxRouterAdvertisementInterval",
                "DadTransmits", "BaseReachableTime", "RetransmitTime", "PathMtuDiscoveryTimeout",
                "LinkLocalAddressTimeout", "SitePrefixLength", "Metric", "NlMtu", "ReachableTime"};
        for (int i = 0; i < values.length; i++) {
            Violation v = u32(names[i], values[i]);
            if (v != null) {
                return v;
            }
        }
        List<Long> zones = row.zoneIndices();
        if (zones.size() != InterfaceRow.SCOPE_LEVEL_COUNT) {
            return new Violation("§2.1", "ZoneIndices has " + zones.size() + " entries, not "
                    + InterfaceRow.SCOPE_LEVEL_COUNT);
        }
        for (Long z : zones) {
            Violation v = u32("ZoneIndices entry", z);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation u32(String field, long value) {
        return value < 0 || value > Unsigned.MAX_U32
                ? new Violation("§2.1", field + " " + value + " is not an unsigned 32-bit value") : null;
    }

    private static Violation checkAddresses(InterfaceRow row) {
        IpFamily family = row.ipFamily();
        for (IpAddress a : row.unicastAddresses()) {
            if (a.family() != family || a.isUnspecified() || a.isMulticast()) {
                return new Violation("D18", a + " is not a unicast " + family + " address");
            }
        }
        return null;
    }
}
