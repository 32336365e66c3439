-- wrk script for the intake benchmark (benchmarks/intake/run.sh): each request registers a
-- neighbour dispute in Zhaoxiang (POST /api/v1/cases, HTTP Basic as police) between two people
-- with fresh, valid resident ID numbers, so that the "open cases with the same parties" lookup
-- stays as small as in real use. wrk is a C load generator: at the rates measured here it takes a
-- few per cent of a core, where a JVM client took a third of one on the same two cores.
--   wrk -t2 -c16 -d60s -s benchmarks/intake/intake.lua http://127.0.0.1:8181/api/v1/cases
-- The last line is machine-readable: RESULT rate p50 p95 p99 created errors (rate: created per
-- second; latencies in ms; errors: any answer other than 201, and socket errors).

local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = {"1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"}

-- a resident ID number of Qingpu (310118) with a valid check digit (GB 11643)
local function residentId()
  local s = string.format("310118%04d%02d%02d%03d", 1950 + math.random(0, 49), math.random(1, 12),
    math.random(1, 28), math.random(0, 999))
  local sum = 0
  for i = 1, 17 do
    sum = sum + (s:byte(i) - 48) * weights[i]
  end
  return s .. checks[(sum % 11) + 1]
end

local body = [[{"channel": "POLICE_110", "disputeType": "NEIGHBOR", "summary": "楼上漏水，双方多次争吵（压测）",
 "regionCode": "310118104", "address": "青浦区赵巷镇某路1号", "amountInvolved": 12000.00, "peopleInvolved": 2,
 "riskLevel": "LOW", "occurredAt": "2026-01-10T09:15:00+08:00", "parties": [
 {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s", "phone": "13800138000"},
 {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s", "phone": "13900139000"}]}]]

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic cG9saWNlOnBvbGljZS1kZW1v" -- police:police-demo

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  created = 0
  refused = 0
end

function request()
  return wrk.format(nil, nil, nil, string.format(body, residentId(), residentId()))
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("created")
    bad = bad + t:get("refused")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("intake: %d created, %d errors in %.1f s: %.1f intakes/s\n", ok, bad + e.connect + e.read
    + e.write + e.timeout, seconds, ok / seconds))
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n", ok / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, ok, bad + e.connect + e.read + e.write + e.timeout))
end
