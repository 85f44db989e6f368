/**
 * The query API (contract.md, Query API): read-only HTTP/JSON over the state stores, answered by the instance that
 * owns the router (or, for the fleet, the partition of rtm.best-routes that holds the {@code view|prefix}, D27) and
 * forwarded there once by any other instance.
 *
 * <p><b>Shape.</b> {@link io.rtmstreams.api.QueryServer} is the HTTP shell (Javalin): it binds to the configured
 * address (127.0.0.1 unless told otherwise), serves GET only (HEAD as GET without a body; anything else is 405),
 * finds the owner through {@link io.rtmstreams.api.StateAccess} and either answers from local stores, forwards
 * ({@link io.rtmstreams.api.Forwarder}) or refuses for now. {@code Queries} turns parameters into RTMv2 and IP Helper
 * calls on the domain's read model ({@link io.rtmstreams.iphlp.IphlpQueries}), one per partition, shared by the
 * requests, over the read-only store and the tables it publishes at each commit
 * ({@link io.rtmstreams.streams.state.CommittedTables}: GetBestRoute2 then reads no store); answers are records
 * ({@code ApiJson}) written by the one mapper, every one starting with the Win32 {@code status} and {@code code}.
 *
 * <p><b>Parameters.</b> Each endpoint takes exactly its parameters; an unknown or repeated one, or a value that does
 * not parse, is 400 ERROR_INVALID_PARAMETER naming it. {@code instance} (0–65535, default 0) applies to every router
 * endpoint except {@code interfaces} (rows are per router). {@code views} is a comma list of unicast and multicast;
 * absent means every view. {@code family} is ipv4 or ipv6; where it is optional (entities, nexthops, route-lists,
 * interfaces) absent means both, IPv4 first. {@code entity} is {@code protocolId.instanceId}, the protocol also by
 * name (BGP.1).
 *
 * <p><b>Statuses.</b> {@link io.rtmstreams.api.HttpStatuses}: 200 NO_ERROR (and ERROR_NO_MORE_ITEMS on the last
 * page); 404 ERROR_NOT_FOUND, ERROR_FILE_NOT_FOUND (also: no such endpoint), ERROR_NETWORK_UNREACHABLE; 400
 * ERROR_INVALID_PARAMETER, ERROR_INVALID_HANDLE, ERROR_INVALID_DATA, ERROR_NOT_SUPPORTED; 405 ERROR_NOT_SUPPORTED
 * for methods other than GET; 503 ERROR_NOT_READY (21) with {@code Retry-After: 1} while the state cannot be
 * queried; 500 ERROR_INTERNAL_ERROR (1359).
 *
 * <p><b>Cursors.</b> A destination enumeration and a fleet page answer a page and, unless it is the last, an opaque
 * {@code cursor}: URL-safe base64 of {@code d1:<last prefix of the page>} or {@code f1:<router>|<rtmInstance>} of
 * the last member. The next page is the same query plus the cursor. A fleet page's last page says NO_ERROR (it is
 * not an RTMv2 enumeration).
 *
 * <p><b>Forwarding.</b> A request the local instance does not own goes to the owner's advertised address
 * ({@code application.server}) with {@code X-Rtm-Forwarded-By}; a request carrying that header is never forwarded
 * again. Answers computed from local state carry {@code X-Rtm-Served-By}.
 *
 * <p><b>Operations.</b> {@code /health} is liveness (200 while the process runs, with the Kafka Streams state);
 * {@code /health/ready} is readiness (200 only while Kafka Streams is RUNNING); {@code /metrics} is Prometheus text
 * ({@link io.rtmstreams.api.ApiMetrics}: Kafka Streams' metrics and the table processor's counters, which the
 * processor keeps itself, in {@code streams}, on the registry this serves).
 */
package io.rtmstreams.api;
