-- bench/scorm_commit.py: appended to serving.WRK_LUA (its response()/done() count non-2xx and
-- print percentiles): each request as one learner in turn, its own cookie, CSRF token and seq.
local thread_count = 0
function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  first_bad = 0
  stored = 0
  template = io.open(os.getenv("SCORM_BODY")):read("*a")
  local nthreads = tonumber(os.getenv("SCORM_THREADS"))
  mine = {}
  local i = 0
  for line in io.lines(os.getenv("SCORM_LEARNERS")) do
    if i % nthreads == tid then
      local cookie, csrf, seq = line:match("^([^\t]*)\t([^\t]*)\t(%d+)$")
      local headers = {}
      for name, value in pairs(wrk.headers) do headers[name] = value end
      headers["Cookie"] = cookie
      headers["X-CSRFToken"] = csrf
      table.insert(mine, {headers = headers, seq = tonumber(seq)})
    end
    i = i + 1
  end
  turn = 0
end

function request()
  turn = turn % #mine + 1
  local learner = mine[turn]
  learner.seq = learner.seq + 1
  local body = string.gsub(template, "SEQ_PLACEHOLDER", tostring(learner.seq))
  body = string.gsub(body, "PAGE_PLACEHOLDER", tostring(learner.seq % 20 + 1))
  return wrk.format("POST", nil, learner.headers, body)
end

local base_response = response
function response(status, headers, body)
  base_response(status, headers, body)
  if body and string.find(body, '"stored": *true') then stored = stored + 1 end
end

local base_done = done
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("stored") or 0) end
  io.write(string.format("BENCH_STORED stored=%d\n", total))
  base_done(summary, latency, requests)
end
