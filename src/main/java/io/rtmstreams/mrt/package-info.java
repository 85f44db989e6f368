/**
 * A reader of MRT files (RFC 6396), plain Java: {@link io.rtmstreams.mrt.MrtInput} undoes gzip or bzip2,
 * {@link io.rtmstreams.mrt.MrtReader} hands out one {@link io.rtmstreams.mrt.MrtRecord} at a time (RIB entries,
 * UPDATE messages, state changes) with its offset, and reports what it cannot read as
 * {@link io.rtmstreams.mrt.MrtProblem}s while it reads on.
 *
 * <p>Read: TABLE_DUMP, TABLE_DUMP_V2 (PEER_INDEX_TABLE, RIB_IPV4/IPV6_UNICAST/MULTICAST and their ADD-PATH forms of
 * RFC 8050), BGP4MP and BGP4MP_ET (STATE_CHANGE, STATE_CHANGE_AS4, MESSAGE, MESSAGE_AS4, the LOCAL and ADDPATH
 * subtypes), and the deprecated BGP type of the earliest RIPE RIS files; IPv4 and IPv6 unicast and multicast NLRI,
 * MP_REACH_NLRI and MP_UNREACH_NLRI, 2- and 4-byte AS numbers with the AS4_PATH merge (RFC 6793). Every entry of
 * the MRT files in {@code ../shared/data} equals bgpdump's reading (MrtReferenceTest), except where bgpdump reads
 * damage as data.
 *
 * <p>Hand-written: no maintained MRT library for Java is on Maven Central (RIPE's java-mrt is not published there
 * and reads neither ADD-PATH nor BGP4MP_ET).
 */
package io.rtmstreams.mrt;
