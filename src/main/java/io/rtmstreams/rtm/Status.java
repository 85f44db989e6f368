package io.rtmstreams.rtm;

/** The Win32 status codes of the contract (contract.md, Conventions; winerror.h values). */
public enum Status {
    NO_ERROR(0),
    ERROR_FILE_NOT_FOUND(2),
    ERROR_ACCESS_DENIED(5),
    ERROR_INVALID_HANDLE(6),
    ERROR_INVALID_DATA(13),
    ERROR_NOT_SUPPORTED(50),
    ERROR_INVALID_PARAMETER(87),
    ERROR_ALREADY_EXISTS(183),
    ERROR_NO_MORE_ITEMS(259),
    ERROR_NOT_FOUND(1168),
    ERROR_NETWORK_UNREACHABLE(1231),
    ERROR_NO_SYSTEM_RESOURCES(1450);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status with this Win32 code. */
    public static Status fromCode(int code) {
        for (Status s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown Win32 status code " + code);
    }
}
