package io.rtmstreams.contract;

import java.math.BigInteger;
import java.util.List;

/**
 * A MIB_IPINTERFACE_ROW as it arrives on {@code rtm.interface-changes} (contract.md, Interface changes; iphlp.md
 * §2.1): every field optional except the keys, in camelCase; {@code interfaceLuid} is an unsigned 64-bit decimal
 * string; link speeds in bits/s; the offloads as objects of their eight flags.
 */
public record WireInterfaceRow(
        Object family,
        Object interfaceLuid,
        Long interfaceIndex,
        Long maxReassemblySize,
        Long interfaceIdentifier,
        Long minRouterAdvertisementInterval,
        Long maxRouterAdvertisementInterval,
        Boolean advertisingEnabled,
        Boolean forwardingEnabled,
        Boolean weakHostSend,
        Boolean weakHostReceive,
        Boolean useAutomaticMetric,
        Boolean useNeighborUnreachabilityDetection,
        Boolean managedAddressConfigurationSupported,
        Boolean otherStatefulConfigurationSupported,
        Boolean advertiseDefaultRoute,
        Integer routerDiscoveryBehavior,
        Long dadTransmits,
        Long baseReachableTime,
        Long retransmitTime,
        Long pathMtuDiscoveryTimeout,
        Integer linkLocalAddressBehavior,
        Long linkLocalAddressTimeout,
        List<Long> zoneIndices,
        Long sitePrefixLength,
        Long metric,
        Long nlMtu,
        Boolean connected,
        Boolean supportsWakeUpPatterns,
        Boolean supportsNeighborDiscovery,
        Boolean supportsRouterDiscovery,
        Long reachableTime,
        WireOffload transmitOffload,
        WireOffload receiveOffload,
        Boolean disableDefaultRoutes,
        BigInteger transmitLinkSpeed,
        BigInteger receiveLinkSpeed,
        String mediaType,
        List<String> unicastAddresses) {

    /** NL_INTERFACE_OFFLOAD_ROD's eight flags; absent flags are off. */
    public record WireOffload(Boolean nlChecksumSupported, Boolean nlOptionsSupported,
                              Boolean tlDatagramChecksumSupported, Boolean tlStreamChecksumSupported,
                              Boolean tlStreamOptionsSupported, Boolean fastPathCompatible,
                              Boolean tlLargeSendOffloadSupported, Boolean tlGiantSendOffloadSupported) {
    }
}
