package io.rtmstreams.iphlp;

/** MIB_NOTIFICATION_TYPE (N1), with the Windows values. */
public enum NotificationType {
    /** MibParameterNotification: a parameter of an existing instance changed. */
    PARAMETER_CHANGE(0),
    /** MibAddInstance. */
    ADD_INSTANCE(1),
    /** MibDeleteInstance. */
    DELETE_INSTANCE(2),
    /** MibInitialNotification: registration confirmation only, with a NULL row (N3). */
    INITIAL(3);

    private final int value;

    NotificationType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
