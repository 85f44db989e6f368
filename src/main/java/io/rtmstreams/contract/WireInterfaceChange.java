package io.rtmstreams.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A record of {@code rtm.interface-changes}: {@code {router, requestId?, notificationType, interface}}. */
public record WireInterfaceChange(String router, String requestId, String notificationType,
                                  @JsonProperty("interface") WireInterfaceRow row) {
}
