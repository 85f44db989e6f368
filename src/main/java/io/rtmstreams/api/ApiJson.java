package io.rtmstreams.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.util.RawValue;
import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.contract.WireEntity;
import io.rtmstreams.contract.WireInterfaceRow;
import io.rtmstreams.iphlp.InterfaceOffload;
import io.rtmstreams.iphlp.InterfaceRow;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.Status;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The query API's answers (contract.md, Query API), as records the one mapper writes. Every answer is an
 * {@link Answer}: the Win32 {@code status} and {@code code} followed by the body's fields. Routes, destinations and
 * GetBestRoute2 results reuse the output topics' shapes ({@link OutputJson}); interface rows the input's
 * ({@link WireInterfaceRow}).
 */
final class ApiJson {

    private ApiJson() {
    }

    /** A status and a body whose fields follow it at the top level. */
    record Answer<T>(String status, int code, @JsonUnwrapped T body) {

        static <T> Answer<T> of(Status status, T body) {
            return new Answer<>(status.name(), status.code(), body);
        }

        static <T> Answer<T> ok(T body) {
            return of(Status.NO_ERROR, body);
        }
    }

    /** RtmGetRegisteredEntities: the entities of one table or, without a family, of both. */
    record Entities(String router, int rtmInstance, List<Entity> entities) {
    }

    /** A registered entity (R13) with the family of its table. */
    record Entity(String family, long protocolId, long instanceId, String expiryPolicy, List<String> methods,
                  boolean methodsBlocked, long registeredAt) {

        static Entity of(IpFamily family, io.rtmstreams.rtm.Entity e) {
            return new Entity(family.wireName(), e.id().protocolId(), e.id().instanceId(), e.expiryPolicy().name(),
                    e.methods(), e.blocked(), e.registeredAt());
        }
    }

    /** One destination (exact, most-specific or less-specific match). */
    record Destination(String router, int rtmInstance, String family, OutputJson.DestInfo destination) {
    }

    /** A page of a destination enumeration; {@code cursor} is absent on the last page (ERROR_NO_MORE_ITEMS). */
    record DestinationPage(String router, int rtmInstance, String family, List<OutputJson.DestInfo> destinations,
                           String cursor) {
    }

    /** RtmGetRouteInfo: one route by id, live (CREATED) or deleted and still retained (DELETED, R80). */
    record Route(String router, int rtmInstance, String family, OutputJson.Route route) {
    }

    /** The routes of a destination in ranking order (R125). */
    record Routes(String router, int rtmInstance, String family, String prefix, List<OutputJson.Route> routes,
                  List<ViewBest> best) {
    }

    /** A view's best route and why it won (contract v2, Selection reason). */
    record ViewBest(String view, long routeId, String reason) {
    }

    /** An entity's next hops in (address, interface index) order (R124). */
    record NextHops(String router, int rtmInstance, WireEntity entity, List<NextHop> nextHops) {
    }

    /** A next hop of the entity's list (R40). */
    record NextHop(String family, long nextHopId, String address, long interfaceIndex, List<String> flags,
                   String entitySpecificInfo) {

        static NextHop of(io.rtmstreams.rtm.NextHop h) {
            List<String> flags = new ArrayList<>(2);
            if ((h.flags() & NextHopSpec.REMOTE) != 0) {
                flags.add("REMOTE");
            }
            if ((h.flags() & NextHopSpec.DOWN) != 0) {
                flags.add("DOWN");
            }
            return new NextHop(h.table().family().wireName(), h.id(), h.address().toString(), h.interfaceIndex(),
                    flags, h.entitySpecificInfo());
        }
    }

    /** The routes of an entity's route list, by route id (R131). */
    record RouteList(String router, int rtmInstance, WireEntity entity, String name, List<OutputJson.Route> routes) {
    }

    /** GetIpInterfaceTable: the rows, each with the metric in force (automatic when UseAutomaticMetric, F8). */
    record Interfaces(String router, List<WireInterfaceRow> interfaces) {
    }

    /**
     * A router's best-route changes per second over the last {@code seconds} seconds (contract v2): {@code
     * changesPerSecond[i]} counts the second that starts at {@code fromEpochSecond + i}, the current one last.
     */
    record Activity(String router, int seconds, long fromEpochSecond, long[] changesPerSecond) {
    }

    /** GetBestRoute2's answer (D17, B9), the fields of the lookup at the top level. */
    record BestRoute(String router, int rtmInstance, @JsonUnwrapped OutputJson.BestRouteLookup lookup) {
    }

    /**
     * {@code GET /v1/fleet/prefixes} (D27): how many (router, rtmInstance) tables have a best route for the prefix,
     * and a page of them in router order, each {@code {router, rtmInstance, routeId, owner, effectiveMetric,
     * nextHops, lastChanged}} as its best-route record has them; {@code cursor} is absent on the last page.
     */
    record FleetPage(String view, String prefix, long routerCount, List<RawValue> routers, String cursor) {
    }

    /** Liveness and readiness: the Kafka Streams state and whether queries are answered. */
    record Health(String streams, boolean ready) {
    }

    /** An interface row in the contract's camelCase form (the shape of {@code rtm.interface-changes}). */
    static WireInterfaceRow row(InterfaceRow r) {
        return new WireInterfaceRow(r.ipFamily().wireName(), Long.toUnsignedString(r.interfaceLuid()),
                r.interfaceIndex(), r.maxReassemblySize(), r.interfaceIdentifier(),
                r.minRouterAdvertisementInterval(), r.maxRouterAdvertisementInterval(), r.advertisingEnabled(),
                r.forwardingEnabled(), r.weakHostSend(), r.weakHostReceive(), r.useAutomaticMetric(),
                r.useNeighborUnreachabilityDetection(), r.managedAddressConfigurationSupported(),
                r.otherStatefulConfigurationSupported(), r.advertiseDefaultRoute(), r.routerDiscoveryBehavior(),
                r.dadTransmits(), r.baseReachableTime(), r.retransmitTime(), r.pathMtuDiscoveryTimeout(),
                r.linkLocalAddressBehavior(), r.linkLocalAddressTimeout(), r.zoneIndices(), r.sitePrefixLength(),
                r.metric(), r.nlMtu(), r.connected(), r.supportsWakeUpPatterns(), r.supportsNeighborDiscovery(),
                r.supportsRouterDiscovery(), r.reachableTime(), offload(r.transmitOffload()),
                offload(r.receiveOffload()), r.disableDefaultRoutes(), unsigned(r.transmitLinkSpeed()),
                unsigned(r.receiveLinkSpeed()), r.mediaType().name(),
                r.unicastAddresses().stream().map(Object::toString).toList());
    }

    private static WireInterfaceRow.WireOffload offload(InterfaceOffload o) {
        return new WireInterfaceRow.WireOffload(o.nlChecksumSupported(), o.nlOptionsSupported(),
                o.tlDatagramChecksumSupported(), o.tlStreamChecksumSupported(), o.tlStreamOptionsSupported(),
                o.fastPathCompatible(), o.tlLargeSendOffloadSupported(), o.tlGiantSendOffloadSupported());
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
