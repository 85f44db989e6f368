package io.rtmstreams.app.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.rtmstreams.contract.Json;
import io.rtmstreams.rtm.TableId;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One line of a {@code produce} input: a JSON object with a valid {@code router} (the record key, D2), or the reason
 * it cannot be sent. Only what routing needs is read: the router, and whether the line is an interface change
 * ({@code notificationType}). Whether the record is a valid command is the processor's decision; it answers with a
 * command result or a record on the rejected topic.
 */
sealed interface JsonLine {

    /** A line to send, keyed by {@code router}. */
    record Routable(String router, boolean interfaceChange) implements JsonLine {
    }

    /** A line that is not a JSON object with a router. */
    record Unroutable(String reason) implements JsonLine {
    }

    /** Parses with the contract's settings: duplicate keys are an error, so the router is unambiguous. */
    static JsonLine parse(String line) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Unroutable("not a JSON object");
            }
            return routeObject(parser);
        } catch (JsonProcessingException e) {
            return new Unroutable("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    private static JsonLine routeObject(JsonParser parser) throws IOException {
        String router = null;
        boolean interfaceChange = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("router")) {
                if (value != JsonToken.VALUE_STRING) {
                    return new Unroutable("\"router\" is not a string");
                }
                router = parser.getText();
            } else if (field.equals("notificationType")) {
                interfaceChange = true;
            }
            parser.skipChildren();
        }
        if (parser.nextToken() != null) {
            return new Unroutable("more than one JSON value on the line");
        }
        return router == null ? new Unroutable("no \"router\" field") : routable(router, interfaceChange);
    }

    private static JsonLine routable(String router, boolean interfaceChange) {
        try {
            return new Routable(TableId.checkRouter(router), interfaceChange);
        } catch (IllegalArgumentException e) {
            return new Unroutable(e.getMessage());
        }
    }
}
