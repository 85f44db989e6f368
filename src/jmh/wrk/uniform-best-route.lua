-- wrk script: GetBestRoute2 for uniformly random IPv4 destinations (issue 14).
-- wrk -t 2 -c 4 -d 15s --latency -s src/jmh/wrk/uniform-best-route.lua http://127.0.0.1:8080 -- ROUTER
-- Each connection draws its own sequence; most destinations are covered only by a short prefix or by none, so
-- a lookup probes many prefix lengths, and those covered by none answer 404 (ERROR_NETWORK_UNREACHABLE).
local router = "rv-jinx"

function init(args)
  if args[1] then router = args[1] end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local d = string.format("%d.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(0, 255),
    math.random(0, 255))
  return wrk.format("GET", "/v1/routers/" .. router .. "/best-route?destination=" .. d)
end
