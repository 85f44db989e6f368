/**
 * {@code rtm-streams loadgen}: synthetic fleet load from a real table, for benchmarks and soak runs.
 *
 * <p>The pieces, each plain and deterministic for a seed:
 * <ul>
 *   <li>{@link io.rtmstreams.app.loadgen.RibText} reads one peer's prefixes from a normalized RIB dump;
 *   {@link io.rtmstreams.app.loadgen.FleetShape} lays them out over N routers (interfaces, peers on them, addresses,
 *   D28 costs);</li>
 *   <li>{@link io.rtmstreams.app.loadgen.InitialLoad} says what each router sends first (register, interfaces up,
 *   its table, a SYNC) and {@link io.rtmstreams.app.loadgen.ChurnSchedule} what follows (updates, withdrawals,
 *   interface flaps in a {@link io.rtmstreams.app.loadgen.ChurnMix});</li>
 *   <li>{@link io.rtmstreams.app.loadgen.FleetModel} follows both and so knows the best route the processor must
 *   end with for every destination, route ids included;</li>
 *   <li>{@link io.rtmstreams.app.loadgen.CommandEncoder} writes the contract's JSON through the wire types of
 *   {@code io.rtmstreams.contract}; {@link io.rtmstreams.app.loadgen.Pacer} spaces churn at a rate.</li>
 * </ul>
 *
 * <p>Invariants the tests hold it to: every route is advertised before it is withdrawn and withdrawn only while
 * advertised; a command carries at most 5,000 routes (D25), all of one neighbour; a flap is its interface going down
 * and then up; with every interface up at the end, a destination's best route is its advertised route of the
 * lowest peer, with the id the processor's per-router counter gives it (D22).
 */
package io.rtmstreams.app.loadgen;
