package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds an {@link InterfaceRow}, starting from the per-family defaults of §2.1 so that the serde layer only sets
 * the fields a producer sent (contract: "only the keys are required, the rest default per family").
 *
 * <p>Defaults, and why:
 * <ul>
 *   <li>documented ones: WeakHostSend and WeakHostReceive FALSE (F3), UseAutomaticMetric TRUE,
 *   RouterDiscoveryBehavior Dhcp (2) for IPv4 and Enabled (1) for IPv6, DadTransmits 3 / 1,
 *   LinkLocalAddressBehavior Delayed (1) / AlwaysOn (2), Min/MaxRouterAdvertisementInterval 200 / 600 ms (F7);</li>
 *   <li>observed or recommended ones: UseNeighborUnreachabilityDetection TRUE, BaseReachableTime 30000 ms and
 *   RetransmitTime 1000 ms (RFC 4861), ForwardingEnabled and DisableDefaultRoutes FALSE;</li>
 *   <li>Connected TRUE: a producer that omits it must not take the interface's routes down (G6);</li>
 *   <li>NlMtu 1500 (Ethernet): a zero would fail V11, so a row that omits it would be rejected;</li>
 *   <li>SitePrefixLength 0, which V8 requires of IPv4 rows on input (the 64 that IPv4 rows read back as, F6, is
 *   rejected by V8);</li>
 *   <li>everything else zero or off, as InitializeIpInterfaceEntry leaves it (V13); link speeds 0 mean unknown
 *   (Q12) and the media type OTHER selects the non-wireless table (T4).</li>
 * </ul>
 */
public final class InterfaceRowBuilder {

    private int family;
    private long interfaceLuid;
    private long interfaceIndex;
    private long maxReassemblySize;
    private long interfaceIdentifier;
    private long minRouterAdvertisementInterval = 200;
    private long maxRouterAdvertisementInterval = 600;
    private boolean advertisingEnabled;
    private boolean forwardingEnabled;
    private boolean weakHostSend;
    private boolean weakHostReceive;
    private boolean useAutomaticMetric = true;
    private boolean useNeighborUnreachabilityDetection = true;
    private boolean managedAddressConfigurationSupported;
    private boolean otherStatefulConfigurationSupported;
    private boolean advertiseDefaultRoute;
    private int routerDiscoveryBehavior;
    private long dadTransmits;
    private long baseReachableTime = 30_000;
    private long retransmitTime = 1_000;
    private long pathMtuDiscoveryTimeout;
    private int linkLocalAddressBehavior;
    private long linkLocalAddressTimeout;
    private List<Long> zoneIndices = Collections.nCopies(InterfaceRow.SCOPE_LEVEL_COUNT, 0L);
    private long sitePrefixLength;
    private long metric;
    private long nlMtu = 1500;
    private boolean connected = true;
    private boolean supportsWakeUpPatterns;
    private boolean supportsNeighborDiscovery;
    private boolean supportsRouterDiscovery;
    private long reachableTime;
    private InterfaceOffload transmitOffload = InterfaceOffload.NONE;
    private InterfaceOffload receiveOffload = InterfaceOffload.NONE;
    private boolean disableDefaultRoutes;
    private long transmitLinkSpeed;
    private long receiveLinkSpeed;
    private MediaType mediaType = MediaType.OTHER;
    private List<IpAddress> unicastAddresses = List.of();

    InterfaceRowBuilder(int family) {
        this.family = family;
        boolean v6 = family == IpFamily.IPV6.afNumber();
        routerDiscoveryBehavior = v6 ? 1 : 2;
        dadTransmits = v6 ? 1 : 3;
        linkLocalAddressBehavior = v6 ? 2 : 1;
    }

    static InterfaceRowBuilder from(InterfaceRow r) {
        InterfaceRowBuilder b = new InterfaceRowBuilder(r.family());
        b.interfaceLuid = r.interfaceLuid();
        b.interfaceIndex = r.interfaceIndex();
        b.maxReassemblySize = r.maxReassemblySize();
        b.interfaceIdentifier = r.interfaceIdentifier();
        b.minRouterAdvertisementInterval = r.minRouterAdvertisementInterval();
        b.maxRouterAdvertisementInterval = r.maxRouterAdvertisementInterval();
        b.advertisingEnabled = r.advertisingEnabled();
        b.forwardingEnabled = r.forwardingEnabled();
        b.weakHostSend = r.weakHostSend();
        b.weakHostReceive = r.weakHostReceive();
        b.useAutomaticMetric = r.useAutomaticMetric();
        b.useNeighborUnreachabilityDetection = r.useNeighborUnreachabilityDetection();
        b.managedAddressConfigurationSupported = r.managedAddressConfigurationSupported();
        b.otherStatefulConfigurationSupported = r.otherStatefulConfigurationSupported();
        b.advertiseDefaultRoute = r.advertiseDefaultRoute();
        b.routerDiscoveryBehavior = r.routerDiscoveryBehavior();
        b.dadTransmits = r.dadTransmits();
        b.baseReachableTime = r.baseReachableTime();
        b.retransmitTime = r.retransmitTime();
        b.pathMtuDiscoveryTimeout = r.pathMtuDiscoveryTimeout();
        b.linkLocalAddressBehavior = r.linkLocalAddressBehavior();
        b.linkLocalAddressTimeout = r.linkLocalAddressTimeout();
        b.zoneIndices = r.zoneIndices();
        b.sitePrefixLength = r.sitePrefixLength();
        b.metric = r.metric();
        b.nlMtu = r.nlMtu();
        b.connected = r.connected();
        b.supportsWakeUpPatterns = r.supportsWakeUpPatterns();
        b.supportsNeighborDiscovery = r.supportsNeighborDiscovery();
        b.supportsRouterDiscovery = r.supportsRouterDiscovery();
        b.reachableTime = r.reachableTime();
        b.transmitOffload = r.transmitOffload();
        b.receiveOffload = r.receiveOffload();
        b.disableDefaultRoutes = r.disableDefaultRoutes();
        b.transmitLinkSpeed = r.transmitLinkSpeed();
        b.receiveLinkSpeed = r.receiveLinkSpeed();
        b.mediaType = r.mediaType();
        b.unicastAddresses = r.unicastAddresses();
        return b;
    }

    public InterfaceRow build() {
        return new InterfaceRow(family, interfaceLuid, interfaceIndex, maxReassemblySize, interfaceIdentifier,
                minRouterAdvertisementInterval, maxRouterAdvertisementInterval, advertisingEnabled,
                forwardingEnabled, weakHostSend, weakHostReceive, useAutomaticMetric,
                useNeighborUnreachabilityDetection, managedAddressConfigurationSupported,
                otherStatefulConfigurationSupported, advertiseDefaultRoute, routerDiscoveryBehavior, dadTransmits,
                baseReachableTime, retransmitTime, pathMtuDiscoveryTimeout, linkLocalAddressBehavior,
                linkLocalAddressTimeout, zoneIndices, sitePrefixLength, metric, nlMtu, connected,
                supportsWakeUpPatterns, supportsNeighborDiscovery, supportsRouterDiscovery, reachableTime,
                transmitOffload, receiveOffload, disableDefaultRoutes, transmitLinkSpeed, receiveLinkSpeed,
                mediaType, unicastAddresses);
    }

    // ---- keys ---------------------------------------------------------------------------------------------------

    /** The raw ADDRESS_FAMILY; the defaults already chosen are not changed. */
    public InterfaceRowBuilder family(int v) {
        family = v;
        return this;
    }

    public InterfaceRowBuilder interfaceLuid(long v) {
        interfaceLuid = v;
        return this;
    }

    public InterfaceRowBuilder interfaceIndex(long v) {
        interfaceIndex = v;
        return this;
    }

    // ---- the fields the stack owns or reserves (V9, F9) -----------------------------------------------------------

    public InterfaceRowBuilder maxReassemblySize(long v) {
        maxReassemblySize = v;
        return this;
    }

    public InterfaceRowBuilder interfaceIdentifier(long v) {
        interfaceIdentifier = v;
        return this;
    }

    public InterfaceRowBuilder minRouterAdvertisementInterval(long v) {
        minRouterAdvertisementInterval = v;
        return this;
    }

    public InterfaceRowBuilder maxRouterAdvertisementInterval(long v) {
        maxRouterAdvertisementInterval = v;
        return this;
    }

    public InterfaceRowBuilder connected(boolean v) {
        connected = v;
        return this;
    }

    public InterfaceRowBuilder supportsWakeUpPatterns(boolean v) {
        supportsWakeUpPatterns = v;
        return this;
    }

    public InterfaceRowBuilder supportsNeighborDiscovery(boolean v) {
        supportsNeighborDiscovery = v;
        return this;
    }

    public InterfaceRowBuilder supportsRouterDiscovery(boolean v) {
        supportsRouterDiscovery = v;
        return this;
    }

    public InterfaceRowBuilder reachableTime(long v) {
        reachableTime = v;
        return this;
    }

    public InterfaceRowBuilder transmitOffload(InterfaceOffload v) {
        transmitOffload = v;
        return this;
    }

    public InterfaceRowBuilder receiveOffload(InterfaceOffload v) {
        receiveOffload = v;
        return this;
    }

    // ---- writable settings ----------------------------------------------------------------------------------------

    public InterfaceRowBuilder advertisingEnabled(boolean v) {
        advertisingEnabled = v;
        return this;
    }

    public InterfaceRowBuilder forwardingEnabled(boolean v) {
        forwardingEnabled = v;
        return this;
    }

    public InterfaceRowBuilder weakHostSend(boolean v) {
        weakHostSend = v;
        return this;
    }

    public InterfaceRowBuilder weakHostReceive(boolean v) {
        weakHostReceive = v;
        return this;
    }

    public InterfaceRowBuilder useAutomaticMetric(boolean v) {
        useAutomaticMetric = v;
        return this;
    }

    public InterfaceRowBuilder useNeighborUnreachabilityDetection(boolean v) {
        useNeighborUnreachabilityDetection = v;
        return this;
    }

    public InterfaceRowBuilder managedAddressConfigurationSupported(boolean v) {
        managedAddressConfigurationSupported = v;
        return this;
    }

    public InterfaceRowBuilder otherStatefulConfigurationSupported(boolean v) {
        otherStatefulConfigurationSupported = v;
        return this;
    }

    public InterfaceRowBuilder advertiseDefaultRoute(boolean v) {
        advertiseDefaultRoute = v;
        return this;
    }

    public InterfaceRowBuilder routerDiscoveryBehavior(int v) {
        routerDiscoveryBehavior = v;
        return this;
    }

    public InterfaceRowBuilder dadTransmits(long v) {
        dadTransmits = v;
        return this;
    }

    public InterfaceRowBuilder baseReachableTime(long v) {
        baseReachableTime = v;
        return this;
    }

    public InterfaceRowBuilder retransmitTime(long v) {
        retransmitTime = v;
        return this;
    }

    public InterfaceRowBuilder pathMtuDiscoveryTimeout(long v) {
        pathMtuDiscoveryTimeout = v;
        return this;
    }

    public InterfaceRowBuilder linkLocalAddressBehavior(int v) {
        linkLocalAddressBehavior = v;
        return this;
    }

    public InterfaceRowBuilder linkLocalAddressTimeout(long v) {
        linkLocalAddressTimeout = v;
        return this;
    }

    /** The zone indices as sent; the validator requires {@value InterfaceRow#SCOPE_LEVEL_COUNT} of them. */
    public InterfaceRowBuilder zoneIndices(List<Long> v) {
        zoneIndices = new ArrayList<>(v);
        return this;
    }

    public InterfaceRowBuilder sitePrefixLength(long v) {
        sitePrefixLength = v;
        return this;
    }

    public InterfaceRowBuilder metric(long v) {
        metric = v;
        return this;
    }

    public InterfaceRowBuilder nlMtu(long v) {
        nlMtu = v;
        return this;
    }

    public InterfaceRowBuilder disableDefaultRoutes(boolean v) {
        disableDefaultRoutes = v;
        return this;
    }

    // ---- ours -----------------------------------------------------------------------------------------------------

    public InterfaceRowBuilder transmitLinkSpeed(long bitsPerSecond) {
        transmitLinkSpeed = bitsPerSecond;
        return this;
    }

    public InterfaceRowBuilder receiveLinkSpeed(long bitsPerSecond) {
        receiveLinkSpeed = bitsPerSecond;
        return this;
    }

    /** Both link speeds at once, the common case of a full-duplex link. */
    public InterfaceRowBuilder linkSpeed(long bitsPerSecond) {
        transmitLinkSpeed = bitsPerSecond;
        receiveLinkSpeed = bitsPerSecond;
        return this;
    }

    public InterfaceRowBuilder mediaType(MediaType v) {
        mediaType = v;
        return this;
    }

    public InterfaceRowBuilder unicastAddresses(List<IpAddress> v) {
        unicastAddresses = List.copyOf(v);
        return this;
    }

    /** Adds addresses given as literals, for readable tests and tools. */
    public InterfaceRowBuilder addresses(String... literals) {
        List<IpAddress> all = new ArrayList<>(unicastAddresses);
        for (String s : literals) {
            all.add(IpAddress.parse(s));
        }
        unicastAddresses = List.copyOf(all);
        return this;
    }
}
