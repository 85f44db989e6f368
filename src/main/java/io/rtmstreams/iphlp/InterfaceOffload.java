package io.rtmstreams.iphlp;

/**
 * NL_INTERFACE_OFFLOAD_ROD: the eight one-bit offload flags of a row's TransmitOffload and ReceiveOffload
 * (§2.1 fields 33, 34). The stack owns them (V9): they are stored as reported and never take part in a decision.
 */
public record InterfaceOffload(
        boolean nlChecksumSupported,
        boolean nlOptionsSupported,
        boolean tlDatagramChecksumSupported,
        boolean tlStreamChecksumSupported,
        boolean tlStreamOptionsSupported,
        boolean fastPathCompatible,
        boolean tlLargeSendOffloadSupported,
        boolean tlGiantSendOffloadSupported) {

    /** Every flag off: InitializeIpInterfaceEntry's value (V13). */
    public static final InterfaceOffload NONE = new InterfaceOffload(false, false, false, false, false, false, false,
            false);
}
