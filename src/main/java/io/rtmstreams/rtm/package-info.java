/**
 * The Routing Table Manager (spec/rtmv2.md, decisions D1–D10, D19–D30): RTMv2's tables, entities, next hops,
 * routes, best-route selection, hold-down, notifications, route lists and timers over state kept in stores
 * ({@link io.rtmstreams.rtm.state}), written down here as BIRD's {@code rt-table.c} writes down its table.
 *
 * <h2>The table model</h2>
 * <ul>
 *   <li>A <b>table</b> is (router, rtmInstance, family) ({@link io.rtmstreams.rtm.TableId}); every store key starts
 *   with the router, so one router's state is contiguous and one task owns it ({@link io.rtmstreams.rtm.Keys}).</li>
 *   <li>A <b>destination</b> ({@link io.rtmstreams.rtm.Destination}) is one prefix of a table with everything about
 *   it: its live routes, per view ({@link io.rtmstreams.rtm.View}: unicast, multicast) a
 *   {@link io.rtmstreams.rtm.ViewSlot} with the best route's id, why it won, the hold-down route and the output
 *   versions, the hold-down timer ({@link io.rtmstreams.rtm.Hold}), the last-changed time and the sequence that
 *   orders equal-cost routes. One record per destination is the unit of storage: an advert reads and writes one.
 *   Destination keys sort in address order, shorter prefix first, so lookups and enumerations are range scans and
 *   floor walks ({@link io.rtmstreams.rtm.Destinations}).</li>
 *   <li>A <b>route</b> ({@link io.rtmstreams.rtm.Route}) belongs to one destination and one owning entity, has a
 *   router-wide id from the router's counters (D22), a preference and metric, the views it belongs to, its next
 *   hops (references into the owner's next-hop list, {@link io.rtmstreams.rtm.NextHops}), an optional neighbour
 *   (D29) and flags. An entity ({@link io.rtmstreams.rtm.Entity}) is registered per table and owns its routes, next
 *   hops, route lists and registrations; ownership is access control (D3, ERROR_ACCESS_DENIED).</li>
 *   <li><b>Indexes</b> that are pure functions of the destinations (route id → location, owner → destinations,
 *   interface → destinations, (owner, neighbour) → destinations) are derived, by {@link
 *   io.rtmstreams.rtm.DerivedIndexes} or by the store layer below the changelog; everything that follows from no
 *   destination (deleted routes kept for R80, entities, next hops, registrations, timers, pending work, counters)
 *   has a store of its own ({@link io.rtmstreams.rtm.RtmStores} names them all).</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>After every call, each view's best route of every destination is the one {@link
 *   io.rtmstreams.rtm.BestRouteSelector} picks among the view's eligible routes: lower preference, then lower
 *   effective metric (the interface's included through {@link io.rtmstreams.rtm.RouteCostModel}, D11–D13), then the
 *   incumbent, then the route that has held its cost longest (D4); the step that decided it is stored with it.</li>
 *   <li>A destination exists while it has a live route or a hold-down route (R35); after that a retired record keeps
 *   only its output versions and sequence, so versions rise by one per key across its lives (D21).</li>
 *   <li>Every derived index entry exists exactly for the destinations and routes that imply it.</li>
 *   <li>A command that fails changes nothing (all checks run before the first write) and every command has exactly
 *   one {@link io.rtmstreams.rtm.Outcome} (D20); what a call did is returned as explicit effects
 *   ({@link io.rtmstreams.rtm.EffectSink}: change flags, destination changes classified ALL/BEST/FORWARDING by
 *   {@link io.rtmstreams.rtm.ChangeClassifier}, entity events, notifications), never inferred later.</li>
 *   <li>Time is data: every call takes {@code now}; TTL, hold-down and retention deadlines are
 *   {@link io.rtmstreams.rtm.Timers} entries fired once {@code now} passes them (D8).</li>
 *   <li>Work is bounded (D24): a call does what fits its {@link io.rtmstreams.rtm.WorkBudget} and leaves the rest
 *   as its router's {@link io.rtmstreams.rtm.PendingWork}, done in steps by {@link io.rtmstreams.rtm.WorkSteps};
 *   any sequence of steps has the outcome of doing the work at once, and while a router has work pending its later
 *   records wait.</li>
 *   <li>Ids come from per-router counters kept in state, so replaying the same input yields the same ids (D22).</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * {@link io.rtmstreams.rtm.RtmEngine} is the entry point (commands, timers, pending work);
 * {@link io.rtmstreams.rtm.RtmQueries} the read-only calls. Operations are grouped by what they act on: {@code
 * RouteOps}, {@code NextHopOps}, {@code EntityOps}, {@code NotificationOps}, {@code RouteListOps}; the stores' typed
 * views are assembled in {@code RtmState}. Plain Java: nothing here depends on Kafka or Jackson (LayeringTest).
 */
package io.rtmstreams.rtm;
