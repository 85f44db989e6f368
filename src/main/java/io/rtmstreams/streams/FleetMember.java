package io.rtmstreams.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One table's entry in the fleet view: the fields of its best-route record that {@code GET /v1/fleet/prefixes}
 * lists ({@code routeId, owner, effectiveMetric, nextHops, lastChanged}), kept as their JSON. The record is read as
 * a token stream and those fields are copied as they are, so a change costs one pass over the record and no object
 * mapping; router and instance are in the member's key and are put in front again when a page is listed.
 */
final class FleetMember {

    /** A plain factory: the contract mapper's duplicate-key check is for input, and this reads our own output. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final int TYPICAL_SIZE = 192;

    private FleetMember() {
    }

    /** The member of a best-route record (the JSON value of {@code rtm.best-routes}). */
    static byte[] of(byte[] bestRoute) {
        ByteArrayBuilder out = new ByteArrayBuilder(TYPICAL_SIZE);
        try (JsonParser in = JSON.createParser(bestRoute); JsonGenerator g = JSON.createGenerator(out)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a best-route record is a JSON object");
            }
            g.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                if (listed(name)) {
                    g.writeFieldName(name);
                    g.copyCurrentStructure(in);
                } else {
                    in.skipChildren();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable best-route record", e);
        }
        return out.toByteArray();
    }

    private static boolean listed(String field) {
        return switch (field) {
            case "routeId", "owner", "effectiveMetric", "nextHops", "lastChanged" -> true;
            default -> false;
        };
    }

    /**
     * A member as a page lists it: router and rtmInstance, then the stored fields. Router ids are plain ASCII
     * without quotes or backslashes (contract.md, Conventions), so they need no escaping.
     */
    static RawValue listed(String router, int rtmInstance, byte[] member) {
        String fields = new String(member, 1, member.length - 1, StandardCharsets.UTF_8);
        return new RawValue("{\"router\":\"" + router + "\",\"rtmInstance\":" + rtmInstance
                + (fields.equals("}") ? "" : ",") + fields);
    }
}
