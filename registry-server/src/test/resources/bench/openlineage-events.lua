-- wrk script: POST distinct OpenLineage COMPLETE events (4 column edges each) to /api/v1/lineage.
-- DATASETS (env, default 2000) sizes the pool of datasets the events read and write: a small pool
-- is recurring jobs (the lineage repeats, each run is new); a huge pool makes every edge new.
-- wrk -t2 -c64 -d20s -s openlineage-events.lua http://127.0.0.1:PORT/api/v1/lineage
local threads = {}
local datasets = tonumber(os.getenv("DATASETS") or "2000")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  counter = tid * 100000000
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%06x%06x",
    math.random(0, 0x7fffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    math.random(0x8000, 0xbfff), math.random(0, 0xffffff), math.random(0, 0xffffff))
end

function request()
  counter = counter + 1
  local input = counter % datasets
  local output = (counter * 7 + 1) % datasets
  local fields = {}
  for c = 0, 3 do
    fields[#fields + 1] = string.format(
      '"c%d":{"inputFields":[{"namespace":"kafka","name":"topic_%d","field":"f%d",' ..
      '"transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]}', c, input, (counter + c) % 10)
  end
  local body = string.format(
    '{"eventType":"COMPLETE","eventTime":"2026-11-20T08:15:30.123Z","producer":"https://example.com/wrk",' ..
    '"run":{"runId":"%s"},"job":{"namespace":"load","name":"job_%d"},' ..
    '"inputs":[{"namespace":"kafka","name":"topic_%d"}],' ..
    '"outputs":[{"namespace":"warehouse","name":"table_%d","facets":{"columnLineage":{"fields":{%s}}}}]}',
    uuid(), output, input, output, table.concat(fields, ","))
  return wrk.format(nil, nil, nil, body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.0f, p50 %.2f ms, p99 %.2f ms, non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
