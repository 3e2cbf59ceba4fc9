-- Atomic all-or-nothing admission over fixed one-minute windows.
-- KEYS: per bucket, its request counter then its token counter (current window).
-- ARGV[1]: estimated tokens, ARGV[2]: counter TTL in ms,
-- then per bucket: request limit, token limit (-1 = unlimited).
-- Returns {admitted (1|0), requests_1, tokens_1, requests_2, tokens_2, ...}: counts after the
-- request when admitted, before it when refused.
local buckets = #KEYS / 2
local tokens = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local counts = {}
local fits = 1
for i = 1, buckets do
  local requests = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
  local used = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
  local rpm = tonumber(ARGV[1 + 2 * i])
  local tpm = tonumber(ARGV[2 + 2 * i])
  if (rpm >= 0 and requests + 1 > rpm) or (tpm >= 0 and used + tokens > tpm) then
    fits = 0
  end
  counts[2 * i - 1] = requests
  counts[2 * i] = used
end
if fits == 1 then
  for i = 1, buckets do
    counts[2 * i - 1] = redis.call('INCR', KEYS[2 * i - 1])
    redis.call('PEXPIRE', KEYS[2 * i - 1], ttl)
    counts[2 * i] = redis.call('INCRBY', KEYS[2 * i], tokens)
    redis.call('PEXPIRE', KEYS[2 * i], ttl)
  end
end
local reply = {fits}
for i = 1, #counts do
  reply[i + 1] = counts[i]
end
return reply
