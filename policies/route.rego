# METADATA
# title: SovereignRouter routing decision
# description: |
#   Stage 3 of a request (DESIGN.md §1, §6). From the request, the tenant and the candidate
#   (provider, model) pairs of the model catalog, decides whether the request may be served and
#   by which candidates, in which order. The single entrypoint is `decision`
#   (`sovereign/route/decision`); every other rule is a step towards it.
#
#   Evaluation order per candidate: hard capability filters first (tools, JSON mode, vision,
#   context length); only candidates that pass them are checked against the named policy
#   (providers, drift, tier, witness scopes, latency cap, cost cap), then ordered.
#
#   Named policies live in data.data.policies (policies/data/policies/<name>.json); the tier
#   ladder, lowest first, in data.data.tiers (policies/data/tiers.json).
#
#   Only builtins that OPA's wasm target implements natively are used, so the embedded engine
#   (opa build -t wasm) and an OPA server return identical decisions.
package sovereign.route

import data.data.policies as named_policies
import data.data.tiers as tier_ladder

# --- the named policy and its settings -------------------------------------------------------

policy := named_policies[input.policy_id]

# Drift posture: what to do with a candidate whose provider reports a model hash other than the
# pinned one. Unknown postures fall through to the strictest behaviour (reject).
default drift_posture := "reject"

drift_posture := policy.drift_posture

drift_allowed if drift_posture == "allow"

drift_downgrades if drift_posture == "downgrade"

drift_rejects if {
	not drift_allowed
	not drift_downgrades
}

# --- tiers -----------------------------------------------------------------------------------

# Position of each tier in the ladder: open=0 < standard=1 < confidential=2 < sealed=3.
tier_rank := {t.name: i | some i, t in tier_ladder}

default tenant_min_rank := 0

tenant_min_rank := tier_rank[input.tenant.min_tier]

# The tier a request needs: the policy's tier, raised by the tenant's minimum when that is higher.
required_rank := max({tier_rank[policy.tier], tenant_min_rank})

default tier_required := null

tier_required := tier_ladder[required_rank].name

# Highest tier whose required witness scopes are all among the given (verified) scopes.
witnessed_rank(scopes) := max({i |
	some i, t in tier_ladder
	count({s | some s in t.requires_scopes; not s in scopes}) == 0
})

# --- per-candidate facts ---------------------------------------------------------------------

# Anything but an explicit "none" counts as drift (fail closed on unknown states).
drifted(c) if not c.drift == "none"

is_drifted(c) if {
	drifted(c)
} else := false

# Witness statements vouch for the pinned model hash. A drifted model keeps them only when the
# posture is "allow"; under "downgrade" it is treated as unwitnessed, which lowers its tier.
effective_scopes(c) := [] if {
	drifted(c)
	not drift_allowed
} else := s if {
	s := c.witness_scopes
} else := []

# A candidate's tier is derived from its verified witness scopes, capped by the tier the
# catalog declares for it (if any). A declared tier missing from the ladder ranks below all.
candidate_rank(c) := witnessed_rank(effective_scopes(c)) if {
	not c.tier
} else := min({witnessed_rank(effective_scopes(c)), tier_rank[c.tier]}) if {
	tier_rank[c.tier]
} else := -1

tier_at(i) := name if {
	name := tier_ladder[rank_at[i]].name
} else := "unknown"

candidate_tier(c) := name if {
	name := tier_ladder[candidate_rank(c)].name
} else := "unknown"

default input_tokens := 0

input_tokens := input.request.input_tokens

default max_output_tokens := 0

max_output_tokens := input.request.max_output_tokens

default context_tokens := 0

context_tokens := input.request.needs.context_tokens

# Worst-case cost in micro-USD (USD x 10^6): the input estimate plus max_output_tokens, at
# per-million prices. Kept in micro-USD and compared with the cap scaled once: a decimal division
# per candidate (libmpdec in wasm) was about 5 % of a 50-candidate decision.
estimated_cost_musd(c) := (input_tokens * c.price_input_per_mtok) + (max_output_tokens * c.price_output_per_mtok)

# --- 1. hard capability filters (before any scoring) ------------------------------------------

# Reason codes are computed once per candidate and kept by candidate index. (Collecting a set of
# [index, code] pairs and scanning it once per candidate made a decision quadratic in the catalog
# size: ~10 ms for 50 candidates on an OPA server, ~2.5 ms in wasm.)
capability_checks := [
	"missing_capability_tools",
	"missing_capability_json_mode",
	"missing_capability_vision",
	"context_length_exceeded",
]

capability_codes := {i: codes |
	some i, c in input.candidates
	codes := {code | some code in capability_checks; capability_fails(c, code)}
}

capability_fails(c, "missing_capability_tools") if {
	input.request.needs.tools == true
	not has_capability(c, "tools")
}

capability_fails(c, "missing_capability_json_mode") if {
	input.request.needs.json_mode == true
	not has_capability(c, "json_mode")
}

capability_fails(c, "missing_capability_vision") if {
	input.request.needs.vision == true
	not has_capability(c, "vision")
}

capability_fails(c, "context_length_exceeded") if not fits_context(c)

# Helper rules instead of `not a <= b` or `not x in xs` inline: OPA evaluates the operands of a
# negated built-in call outside the negation, so an undefined operand (a missing field) would make
# the enclosing rule undefined (fail open) instead of true (fail closed).
has_capability(c, name) if c.capabilities[name] == true

fits_context(c) if context_tokens <= c.capabilities.context_length

capable contains i if {
	some i, codes in capability_codes
	count(codes) == 0
}

# --- 2. policy checks, only for capable candidates --------------------------------------------

policy_checks := [
	"provider_not_allowed",
	"model_drift_rejected",
	"tier_below_required",
	"missing_witness_scopes",
	"latency_cap_exceeded",
	"cost_cap_exceeded",
]

# Per-candidate rank and worst-case cost, computed once by index and only for candidates that
# passed the hard filters (nothing reads them for the others): compiled to wasm, function calls are
# not memoised, and the checks, witness reasons and chain order each need them.
rank_at := {i: candidate_rank(input.candidates[i]) | some i in capable}

cost_at := {i: estimated_cost_musd(input.candidates[i]) | some i in capable}

policy_codes := {i: codes |
	some i in capable
	c := input.candidates[i]
	codes := {code | some code in policy_checks; policy_fails(i, c, code)}
}

policy_fails(_, c, "provider_not_allowed") if not provider_allowed(c)

policy_fails(_, c, "model_drift_rejected") if {
	drifted(c)
	drift_rejects
}

policy_fails(i, _, "tier_below_required") if below_tier(i)

policy_fails(_, c, "missing_witness_scopes") if lacks_scopes(c)

policy_fails(_, c, "latency_cap_exceeded") if c.p95_ms > policy.max_latency_ms

policy_fails(i, _, "cost_cap_exceeded") if {
	cap := cost_cap_musd
	not within_cost(i, cap)
}

provider_allowed(c) if c.provider in policy.allowed_providers

provider_allowed(_) if not policy.allowed_providers

below_tier(i) if rank_at[i] < required_rank

lacks_scopes(c) if {
	scopes := effective_scopes(c)
	some s in policy.required_witness_scopes
	not s in scopes
}

# Helper rule: see has_capability.
within_cost(i, cap) if cost_at[i] <= cap

cost_cap_musd := policy.max_cost_usd * 1000000

# Witness statements the gateway could not verify (expired, forged, unknown witness, ...) count
# for nothing. When that leaves a candidate short of the tier or scopes, each rejection is named
# among its reasons (`witness_expired`, `witness_bad_signature`, ...), so a lowered tier is visible.
witness_codes := {i: codes |
	some i in capable
	c := input.candidates[i]
	short_of_witnesses(i, c)
	codes := {concat("", ["witness_", code]) | some code in c.witness_rejections}
}

short_of_witnesses(i, _) if below_tier(i)

short_of_witnesses(_, c) if lacks_scopes(c)

# --- 3. qualifying candidates and their order -------------------------------------------------

codes_at(codes_by_index, i) := codes if {
	codes := codes_by_index[i]
} else := set()

# Every reason code of each candidate, by index.
miss_codes := {i: codes |
	some i, _ in input.candidates
	codes := (capability_codes[i] | codes_at(policy_codes, i)) | codes_at(witness_codes, i)
}

qualifying contains i if {
	some i, codes in policy_codes
	count(codes) == 0
}

default preferred_providers := []

preferred_providers := policy.preferred_providers

# Position in the policy's preferred provider list; providers not listed come after all listed.
preference_rank(c) := i if {
	some i, p in preferred_providers
	p == c.provider
} else := count(preferred_providers)

# The operator's configured priority of the candidate's provider (lower first). The policy uses it
# only to order candidates its own preference ranks equally; a missing priority counts as 0.
priority_of(c) := p if {
	p := c.priority
} else := 0

# Preference key of each qualifying candidate: the policy's provider preference, then priority.
preference_key := {i: [preference_rank(c), priority_of(c)] |
	some i in qualifying
	c := input.candidates[i]
}

# Chain rank: the position of the candidate's preference key among the distinct keys, best first.
# Equal rank means equal preference; the fallback walk (stage 4) orders equal ranks by health.
rank_of_key := {k: r | some r, k in sort({k | some k in preference_key})}

# Sort keys for a missing price or latency: after every real value (10^15 micro-USD is 10^9 USD).
cost_key(i) := k if {
	k := cost_at[i]
} else := 1000000000000000

latency_key(c) := k if {
	k := c.p95_ms
} else := 1000000000

# Chain order: rank, then worst-case cost, then p95 latency, then names and position for a total
# order. Only the rank binds the walk; the rest is the order among equals before health re-sorts them.
chain_keys := sort([[rank_of_key[preference_key[i]], cost_key(i), latency_key(c), c.provider, c.model, i] |
	some i in qualifying
	c := input.candidates[i]
])

ordered_chain := [{
	"provider": c.provider,
	"model": c.model,
	"tier": tier_at(key[5]),
	"drifted": is_drifted(c),
	"rank": key[0],
} |
	some key in chain_keys
	c := input.candidates[key[5]]
]

# --- 4. request-level reasons ---------------------------------------------------------------

request_reason contains "unknown_policy" if not policy

request_reason contains "policy_not_allowed" if {
	input.tenant.allowed_policies
	not tenant_may_use_policy
}

tenant_may_use_policy if input.policy_id in input.tenant.allowed_policies

request_reason contains "origin_not_allowed" if {
	policy.allowed_origins
	not origin_allowed
}

origin_allowed if input.origin.header in policy.allowed_origins

request_reason contains "unknown_tier" if {
	policy
	not tier_rank[policy.tier]
}

request_reason contains "unknown_tier" if {
	input.tenant.min_tier
	not tier_rank[input.tenant.min_tier]
}

request_reason contains "no_qualifying_candidate" if count(qualifying) == 0

# --- 5. the decision ------------------------------------------------------------------------

default allow := false

allow if {
	count(request_reason) == 0
	count(qualifying) > 0
}

# Candidate reasons in candidate order, codes sorted, as {code, provider, model}.
candidate_reasons := [{"code": code, "provider": c.provider, "model": c.model} |
	some i, c in input.candidates
	some code in sort(miss_codes[i])
]

reasons := array.concat([{"code": code} | some code in sort(request_reason)], candidate_reasons) if {
	not allow
} else := []

excluded := [{"provider": c.provider, "model": c.model, "reasons": sort(codes)} |
	some i, c in input.candidates
	codes := miss_codes[i]
	count(codes) > 0
]

chain := ordered_chain if {
	allow
} else := []

default policy_id := null

policy_id := input.policy_id

default max_cost_usd := null

max_cost_usd := policy.max_cost_usd

default max_latency_ms := null

max_latency_ms := policy.max_latency_ms

decision := {
	"allow": allow,
	"policy_id": policy_id,
	"reasons": reasons,
	"chain": chain,
	"tier_required": tier_required,
	"max_cost_usd": max_cost_usd,
	"max_latency_ms": max_latency_ms,
	"excluded": excluded,
}
