package io.rtmstreams.contract;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.rtmstreams.iphlp.InterfaceChange;
import io.rtmstreams.iphlp.InterfaceOffload;
import io.rtmstreams.iphlp.InterfaceRow;
import io.rtmstreams.iphlp.InterfaceRowBuilder;
import io.rtmstreams.iphlp.MediaType;
import io.rtmstreams.iphlp.NotificationType;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.rtm.RtmException;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static io.rtmstreams.contract.InputEnvelope.text;

/**
 * Reads a record of {@code rtm.interface-changes} (contract.md, Interface changes; D16). Not a JSON object, no or an
 * unknown notificationType, or a key that is not the router: rejected. A row that cannot be read (wrong types, a
 * malformed LUID or address): ERROR_INVALID_PARAMETER, worded as {@link CommandReader} words the same problem
 * ({@link InputEnvelope}). Fields the producer leaves out take their per-family
 * defaults; the V rules are the domain's to check.
 */
public final class InterfaceChangeReader {

    private static final ObjectReader READER =
            Json.MAPPER.readerFor(WireInterfaceChange.class);

    static final Set<String> TYPES = Set.of("PARAMETER_CHANGE", "ADD_INSTANCE", "DELETE_INSTANCE", "INITIAL");
    private static final InputEnvelope ENVELOPE = new InputEnvelope("notificationType", TYPES);
    private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64);

    private InterfaceChangeReader() {
    }

    public static Decoded<InterfaceChange> read(byte[] key, byte[] value) {
        if (value == null) {
            return InputEnvelope.tombstone("an interface change");
        }
        WireInterfaceChange w;
        try {
            w = READER.readValue(value);
        } catch (MismatchedInputException e) {
            return ENVELOPE.mistyped(key, value, e, t -> new Envelope(text(t, "notificationType"),
                    text(t, "requestId"), text(t, "router"), 0, null));
        } catch (IOException e) {
            return InputEnvelope.notJson(e);
        }
        if (w == null) {
            return new Decoded.Rejected<>("not a JSON object");
        }
        String problem = ENVELOPE.problem(key, w.notificationType(), w.router());
        if (problem != null) {
            return new Decoded.Rejected<>(problem);
        }
        Envelope env = new Envelope(w.notificationType(), w.requestId(), w.router(), 0, null);
        try {
            NotificationType type = NotificationType.valueOf(w.notificationType());
            InterfaceRow row = w.row() == null ? null : row(w.row());
            if (row == null && type != NotificationType.INITIAL) {
                throw new IllegalArgumentException(type + " carries the interface row (N4)");
            }
            return new Decoded.Valid<>(env, new InterfaceChange(w.router(), w.requestId(), type, row));
        } catch (RtmException e) {
            return InputEnvelope.invalid(env, e);
        } catch (IllegalArgumentException e) {
            return InputEnvelope.invalid(env, e);
        }
    }

    static InterfaceRow row(WireInterfaceRow w) {
        InterfaceRowBuilder b = InterfaceRow.builder(family(w.family()));
        set(w.interfaceLuid(), v -> b.interfaceLuid(luid(v)));
        set(w.interfaceIndex(), b::interfaceIndex);
        set(w.maxReassemblySize(), b::maxReassemblySize);
        set(w.interfaceIdentifier(), b::interfaceIdentifier);
        set(w.minRouterAdvertisementInterval(), b::minRouterAdvertisementInterval);
        set(w.maxRouterAdvertisementInterval(), b::maxRouterAdvertisementInterval);
        set(w.advertisingEnabled(), b::advertisingEnabled);
        set(w.forwardingEnabled(), b::forwardingEnabled);
        set(w.weakHostSend(), b::weakHostSend);
        set(w.weakHostReceive(), b::weakHostReceive);
        set(w.useAutomaticMetric(), b::useAutomaticMetric);
        set(w.useNeighborUnreachabilityDetection(), b::useNeighborUnreachabilityDetection);
        set(w.managedAddressConfigurationSupported(), b::managedAddressConfigurationSupported);
        set(w.otherStatefulConfigurationSupported(), b::otherStatefulConfigurationSupported);
        set(w.advertiseDefaultRoute(), b::advertiseDefaultRoute);
        set(w.routerDiscoveryBehavior(), b::routerDiscoveryBehavior);
        set(w.dadTransmits(), b::dadTransmits);
        set(w.baseReachableTime(), b::baseReachableTime);
        set(w.retransmitTime(), b::retransmitTime);
        set(w.pathMtuDiscoveryTimeout(), b::pathMtuDiscoveryTimeout);
        set(w.linkLocalAddressBehavior(), b::linkLocalAddressBehavior);
        set(w.linkLocalAddressTimeout(), b::linkLocalAddressTimeout);
        set(w.zoneIndices(), b::zoneIndices);
        set(w.sitePrefixLength(), b::sitePrefixLength);
        set(w.metric(), b::metric);
        set(w.nlMtu(), b::nlMtu);
        set(w.connected(), b::connected);
        set(w.supportsWakeUpPatterns(), b::supportsWakeUpPatterns);
        set(w.supportsNeighborDiscovery(), b::supportsNeighborDiscovery);
        set(w.supportsRouterDiscovery(), b::supportsRouterDiscovery);
        set(w.reachableTime(), b::reachableTime);
        set(w.transmitOffload(), v -> b.transmitOffload(offload(v)));
        set(w.receiveOffload(), v -> b.receiveOffload(offload(v)));
        set(w.disableDefaultRoutes(), b::disableDefaultRoutes);
        set(w.transmitLinkSpeed(), v -> b.transmitLinkSpeed(u64("transmitLinkSpeed", v)));
        set(w.receiveLinkSpeed(), v -> b.receiveLinkSpeed(u64("receiveLinkSpeed", v)));
        set(w.mediaType(), v -> b.mediaType(mediaType(v)));
        set(w.unicastAddresses(), v -> b.unicastAddresses(addresses(v)));
        return b.build();
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** A family name, or any ADDRESS_FAMILY number: a number other than 2 or 23 is the domain's to refuse (V2). */
    private static int family(Object v) {
        if (v == null) {
            throw new IllegalArgumentException("interface.family is required");
        }
        if (v instanceof Integer af) {
            return af;
        }
        try {
            return IpFamily.fromWire(v).afNumber();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("interface.family must be \"ipv4\", \"ipv6\" or an AF number");
        }
    }

    private static long luid(Object v) {
        if (v instanceof String s) {
            try {
                return Long.parseUnsignedLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("interface.interfaceLuid '" + s + "' is not an unsigned 64-bit "
                        + "decimal");
            }
        }
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n < 0) {
                throw new IllegalArgumentException("interface.interfaceLuid must not be negative");
            }
            return n;
        }
        throw new IllegalArgumentException("interface.interfaceLuid must be an unsigned 64-bit decimal string");
    }

    private static long u64(String field, BigInteger v) {
        if (v.signum() < 0 || v.compareTo(U64) >= 0) {
            throw new IllegalArgumentException("interface." + field + " must be an unsigned 64-bit integer");
        }
        return v.longValue();
    }

    private static MediaType mediaType(String v) {
        try {
            return MediaType.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("interface.mediaType must be ETHERNET, WIRELESS or OTHER");
        }
    }

    private static List<IpAddress> addresses(List<String> literals) {
        List<IpAddress> out = new ArrayList<>(literals.size());
        for (String s : literals) {
            out.add(IpAddress.parse(s));
        }
        return out;
    }

    private static InterfaceOffload offload(WireInterfaceRow.WireOffload o) {
        return new InterfaceOffload(on(o.nlChecksumSupported()), on(o.nlOptionsSupported()),
                on(o.tlDatagramChecksumSupported()), on(o.tlStreamChecksumSupported()),
                on(o.tlStreamOptionsSupported()), on(o.fastPathCompatible()), on(o.tlLargeSendOffloadSupported()),
                on(o.tlGiantSendOffloadSupported()));
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
