package io.rtmstreams.api;

import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.rtm.Status;

/**
 * The HTTP status of each Win32 status (contract.md: 400 invalid, 404 not found). The mapping depends on the status
 * alone, so a client can derive one from the other:
 * <ul>
 * <li>200: NO_ERROR, and ERROR_NO_MORE_ITEMS on an enumeration's last page (it carries items, R126);</li>
 * <li>404: ERROR_NOT_FOUND, ERROR_FILE_NOT_FOUND, ERROR_NETWORK_UNREACHABLE (GetBestRoute2 found no route);</li>
 * <li>400: the request names something invalid: ERROR_INVALID_PARAMETER, ERROR_INVALID_HANDLE (an id or name that
 * was never issued, such as a route id beyond the router's counter or an unknown route list), ERROR_INVALID_DATA,
 * ERROR_NOT_SUPPORTED, ERROR_ACCESS_DENIED and ERROR_ALREADY_EXISTS (commands' statuses; no query raises them);</li>
 * <li>503: ERROR_NO_SYSTEM_RESOURCES.</li>
 * </ul>
 * Two statuses beyond the contract's list are the API's own: ERROR_NOT_READY (21) with 503 when the state cannot
 * be queried now (Kafka Streams not RUNNING, the owner unknown or unreachable), and ERROR_INTERNAL_ERROR (1359)
 * with 500 for a fault of the server.
 */
final class HttpStatuses {

    static final int NOT_READY_CODE = 21;
    static final String NOT_READY = "ERROR_NOT_READY";
    static final int INTERNAL_ERROR_CODE = 1359;
    static final String INTERNAL_ERROR = "ERROR_INTERNAL_ERROR";

    private HttpStatuses() {
    }

    static int of(Status status) {
        return switch (status) {
            case NO_ERROR, ERROR_NO_MORE_ITEMS -> 200;
            case ERROR_NOT_FOUND, ERROR_FILE_NOT_FOUND, ERROR_NETWORK_UNREACHABLE -> 404;
            case ERROR_INVALID_PARAMETER, ERROR_INVALID_HANDLE, ERROR_INVALID_DATA, ERROR_NOT_SUPPORTED,
                    ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS -> 400;
            case ERROR_NO_SYSTEM_RESOURCES -> 503;
        };
    }

    static OutputJson.Error notReady(String message) {
        return new OutputJson.Error(NOT_READY, NOT_READY_CODE, message);
    }

    static OutputJson.Error internalError(String message) {
        return new OutputJson.Error(INTERNAL_ERROR, INTERNAL_ERROR_CODE, message);
    }
}
