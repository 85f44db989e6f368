package io.rtmstreams.app.cli;

import io.rtmstreams.streams.Topics;

import java.util.List;

/** Which input topic {@code produce} sends a line to. */
enum TopicChoice {
    /** Interface changes (lines with a {@code notificationType}) to interface-changes, everything else to
     * route-adverts. */
    AUTO("auto"),
    ROUTE_ADVERTS("route-adverts"),
    INTERFACE_CHANGES("interface-changes");

    private final String cliName;

    TopicChoice(String cliName) {
        this.cliName = cliName;
    }

    String topicFor(JsonLine.Routable line, Topics topics) {
        boolean interfaceChange = this == INTERFACE_CHANGES || this == AUTO && line.interfaceChange();
        return interfaceChange ? topics.interfaceChanges() : topics.routeAdverts();
    }

    /** The topics lines may go to. */
    List<String> possibleTopics(Topics topics) {
        return switch (this) {
            case AUTO -> List.of(topics.routeAdverts(), topics.interfaceChanges());
            case ROUTE_ADVERTS -> List.of(topics.routeAdverts());
            case INTERFACE_CHANGES -> List.of(topics.interfaceChanges());
        };
    }

    /** The command-line name, which help shows and the command line accepts (in any case). */
    @Override
    public String toString() {
        return cliName;
    }
}
