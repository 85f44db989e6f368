package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One record of pmacct's BMP msglog (pmacct docs/MSGLOG_DUMP_FORMATS: {@code bmp_daemon_msglog_*} and
 * {@code bmp_dump_*} JSON), the fields the mapping reads; any other field is ignored. {@code timestamp} is pmacct's
 * "seconds.micros" text; {@code as_path} is a list or, with some settings, one string (both are AS_PATH text split
 * at spaces, or not). {@code rd_origin} says whose the RD is: {@code bmp} the peer's (its VRF), {@code bgp} the
 * route's (an MPLS VPN NLRI). Absent or null fields are null.
 */
public record MsglogRecord(
        @JsonProperty("event_type") String eventType,
        @JsonProperty("bmp_msg_type") String bmpMsgType,
        @JsonProperty("log_type") String logType,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("bmp_router") String bmpRouter,
        @JsonProperty("peer_ip_src") String peerIpSrc,
        @JsonProperty("peer_ip") String peerIp,
        @JsonProperty("peer_asn") Long peerAsn,
        @JsonProperty("local_as") Long localAs,
        @JsonProperty("is_loc") Integer isLoc,
        @JsonProperty("is_post") Integer isPost,
        @JsonProperty("is_out") Integer isOut,
        @JsonProperty("rd") String rd,
        @JsonProperty("rd_origin") String rdOrigin,
        @JsonProperty("bmp_peer_up_info_vrf_table_name") String vrfTableName,
        @JsonProperty("afi") Integer afi,
        @JsonProperty("safi") Integer safi,
        @JsonProperty("ip_prefix") String ipPrefix,
        @JsonProperty("bgp_nexthop") String bgpNexthop,
        @JsonProperty("as_path") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> asPath,
        @JsonProperty("origin") String origin,
        @JsonProperty("med") Long med) {

    /** The record's type as pmacct names it: event type, then BMP message type, then log type where present. */
    public String type() {
        StringBuilder type = new StringBuilder(String.valueOf(eventType));
        if (bmpMsgType != null) {
            type.append('/').append(bmpMsgType);
        }
        if (logType != null) {
            type.append('/').append(logType);
        }
        return type.toString();
    }

    /** True when {@code rd} is the BMP peer's, not a VPN route's. */
    boolean peerRd() {
        return rd != null && !"bgp".equals(rdOrigin);
    }

    boolean locRib() {
        return Integer.valueOf(1).equals(isLoc);
    }

    boolean postPolicy() {
        return Integer.valueOf(1).equals(isPost);
    }

    boolean adjRibOut() {
        return Integer.valueOf(1).equals(isOut);
    }
}
