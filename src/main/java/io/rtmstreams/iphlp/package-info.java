/**
 * The IP Helper half of the domain (spec/iphlp.md, decisions D11–D18): interface rows, their automatic metric, the
 * route cost they give the RTM engine, and GetBestRoute2 over the engine's RIB.
 *
 * <h2>Model and invariants</h2>
 * <ul>
 *   <li>An interface row ({@link io.rtmstreams.iphlp.InterfaceRow}, all 35 MIB_IPINTERFACE_ROW fields plus link
 *   speeds, media type and unicast addresses) belongs to a router and is keyed by (family, LUID) (F1, L4). The
 *   interface index is the alternative key: an {@link io.rtmstreams.iphlp.IndexSlot} per (family, index) says which
 *   LUID it names, or that its interface was deleted. Both live in {@link io.rtmstreams.iphlp.IphlpStores}.</li>
 *   <li>Stored rows passed the V rules ({@code RowValidator}); a change that fails them changes nothing (D20).</li>
 *   <li>Interface notifications replace whole rows (D16). After a change, every destination whose next hops' cost
 *   changed has been recomputed by the engine, and no other (D14); so a destination's stored best route always
 *   reflects the current rows.</li>
 *   <li>A route's cost is (preference, route metric + the smallest interface metric of its usable next hops) (D11);
 *   usability is D12, eligibility D13 ({@link io.rtmstreams.iphlp.InterfaceCostModel}). With no rows at all the
 *   cost is exactly RTMv2's.</li>
 *   <li>GetBestRoute2 reads only ({@link io.rtmstreams.iphlp.BestRouteLookup}). Unconstrained, it answers the stored
 *   unicast best route of the most specific destination that has one (D17).</li>
 * </ul>
 *
 * <h2>Writer and readers</h2>
 * {@link io.rtmstreams.iphlp.IpHelper} is the writer: with its engine it caches what it reads and belongs to one
 * thread. {@link io.rtmstreams.iphlp.IphlpQueries} is the read model beside it: every read-only call over the
 * stores, no cache but each router's rows at the generation they were read, safe for the query API's threads. The
 * writer answers its own reads through one. GetBestRoute2 may walk a {@link io.rtmstreams.iphlp.CommittedReads}
 * instead of the stores: what the stores' owner publishes at each commit, the same state without a store read.
 *
 * <p>Plain Java: nothing here depends on Kafka or Jackson; the streams layer supplies the stores and maps records.
 */
package io.rtmstreams.iphlp;
