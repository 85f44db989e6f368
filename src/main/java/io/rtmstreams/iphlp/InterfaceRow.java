package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.util.List;
import java.util.Objects;

/**
 * One MIB_IPINTERFACE_ROW: the settings of one address family on one interface (§2), all 35 fields in the order of
 * §2.1, plus four fields of ours from the contract: the link speeds in bits/s and the media type that feed the
 * automatic metric (D15, T2–T4, Q12), and the interface's unicast addresses (D18).
 *
 * <p>The record carries what a producer sent, valid or not, so that {@link RowValidator} can answer an invalid row
 * with a Win32 status instead of an exception (D20): {@code family} is the raw ADDRESS_FAMILY (V2), the
 * behaviour fields keep their raw values including the −1 "unchanged" sentinel (V10, V12), and unsigned 32-bit
 * fields are longs checked for range by the validator. {@code interfaceLuid} and the link speeds are unsigned
 * 64-bit values in a long.
 *
 * <p>Build rows with {@link #builder(int)}, which fills every field the producer leaves out with its per-family
 * default ({@link InterfaceRowBuilder}).
 */
public record InterfaceRow(
        int family,
        long interfaceLuid,
        long interfaceIndex,
        long maxReassemblySize,
        long interfaceIdentifier,
        long minRouterAdvertisementInterval,
        long maxRouterAdvertisementInterval,
        boolean advertisingEnabled,
        boolean forwardingEnabled,
        boolean weakHostSend,
        boolean weakHostReceive,
        boolean useAutomaticMetric,
        boolean useNeighborUnreachabilityDetection,
        boolean managedAddressConfigurationSupported,
        boolean otherStatefulConfigurationSupported,
        boolean advertiseDefaultRoute,
        int routerDiscoveryBehavior,
        long dadTransmits,
        long baseReachableTime,
        long retransmitTime,
        long pathMtuDiscoveryTimeout,
        int linkLocalAddressBehavior,
        long linkLocalAddressTimeout,
        List<Long> zoneIndices,
        long sitePrefixLength,
        long metric,
        long nlMtu,
        boolean connected,
        boolean supportsWakeUpPatterns,
        boolean supportsNeighborDiscovery,
        boolean supportsRouterDiscovery,
        long reachableTime,
        InterfaceOffload transmitOffload,
        InterfaceOffload receiveOffload,
        boolean disableDefaultRoutes,
        long transmitLinkSpeed,
        long receiveLinkSpeed,
        MediaType mediaType,
        List<IpAddress> unicastAddresses) {

    /** ScopeLevelCount: ZoneIndices has one entry per SCOPE_LEVEL (§2.1 field 24). */
    public static final int SCOPE_LEVEL_COUNT = 16;

    /** NL_ROUTER_DISCOVERY_BEHAVIOR and NL_LINK_LOCAL_ADDRESS_BEHAVIOR: −1 means "keep the current value" (V10). */
    public static final int UNCHANGED = -1;

    public InterfaceRow {
        zoneIndices = List.copyOf(zoneIndices);
        Objects.requireNonNull(transmitOffload, "transmitOffload");
        Objects.requireNonNull(receiveOffload, "receiveOffload");
        Objects.requireNonNull(mediaType, "mediaType");
        unicastAddresses = List.copyOf(unicastAddresses);
    }

    /** A builder with the defaults of {@code family} (an ADDRESS_FAMILY number; anything but 23 gets IPv4's). */
    public static InterfaceRowBuilder builder(int family) {
        return new InterfaceRowBuilder(family);
    }

    public static InterfaceRowBuilder builder(IpFamily family) {
        return new InterfaceRowBuilder(family.afNumber());
    }

    /** A builder holding every field of this row. */
    public InterfaceRowBuilder toBuilder() {
        return InterfaceRowBuilder.from(this);
    }

    /** The family; only meaningful once the row passed V2 ({@link RowValidator}). */
    public IpFamily ipFamily() {
        return IpFamily.fromAfNumber(family);
    }
}
