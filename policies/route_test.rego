# Unit tests for every rule and reason code of route.rego. Scenario-level expectations shared with
# the Java engines live in testdata/decision_vectors.json (vectors_test.rego).
package sovereign.route_test

import data.sovereign.route

sealed_scopes := ["no-training", "no-retention", "attested-runtime"]

# A candidate that passes everything in every shipped policy unless a test changes it.
good := {
	"provider": "onprem-vllm",
	"model": "m1",
	"model_hash": "sha256:00",
	"witness_scopes": array.concat(sealed_scopes, ["hipaa-baa"]),
	"drift": "none",
	"price_input_per_mtok": 1,
	"price_output_per_mtok": 2,
	"p50_ms": 100,
	"p95_ms": 300,
	"success_rate": 1,
	"healthy": true,
	"capabilities": {"tools": true, "json_mode": true, "vision": true, "context_length": 100000},
}

needs_none := {"tools": false, "json_mode": false, "vision": false, "context_tokens": 1000}

request(needs) := {
	"model": "auto",
	"stream": false,
	"needs": needs,
	"input_tokens": 1000,
	"max_output_tokens": 1000,
}

mk_input(policy_id, candidates) := {
	"tenant": {"id": "t", "allowed_policies": ["clinical-strict", "standard", "dev-open", "custom"]},
	"policy_id": policy_id,
	"request": request(needs_none),
	"origin": {"header": "https://ehr.clinic.example", "client_address": "127.0.0.1"},
	"candidates": candidates,
}

# A minimal custom policy for rules whose shipped policies do not isolate them.
custom := {"tier": "open", "drift_posture": "allow"}

with_policy(p) := object.union(data.data.policies, {"custom": p})

# object.union merges nested objects; replace a field outright instead.
replace(obj, key, value) := object.union(object.remove(obj, [key]), {key: value})

excluded_codes(d, model) := codes if {
	some x in d.excluded
	x.model == model
	codes := x.reasons
} else := []

# --- tiers and derivation ---

test_tier_ladder_order if {
	route.tier_rank == {"open": 0, "standard": 1, "confidential": 2, "sealed": 3}
}

test_witnessed_rank_no_scopes_is_open if route.witnessed_rank([]) == 0

test_witnessed_rank_standard if route.witnessed_rank(["no-training"]) == 1

test_witnessed_rank_confidential if route.witnessed_rank(["no-retention", "no-training"]) == 2

test_witnessed_rank_sealed if route.witnessed_rank(sealed_scopes) == 3

test_witnessed_rank_needs_all_scopes_of_a_tier if route.witnessed_rank(["no-retention", "attested-runtime"]) == 0

test_candidate_rank_capped_by_declared_tier if {
	route.candidate_rank(object.union(good, {"tier": "confidential"})) == 2
}

test_candidate_rank_declared_tier_does_not_raise if {
	route.candidate_rank(object.union(good, {"witness_scopes": [], "tier": "sealed"})) == 0
}

test_candidate_rank_unknown_declared_tier if {
	route.candidate_rank(object.union(good, {"tier": "platinum"})) == -1
	route.candidate_tier(object.union(good, {"tier": "platinum"})) == "unknown"
}

test_candidate_rank_missing_scopes_is_open if {
	route.candidate_rank(object.remove(good, ["witness_scopes"])) == 0
}

test_tier_required_from_policy if {
	route.tier_required == "sealed" with input as mk_input("clinical-strict", [])
}

test_tier_required_raised_by_tenant if {
	inp := object.union(mk_input("standard", []), {"tenant": {"id": "t", "allowed_policies": ["standard"], "min_tier": "sealed"}})
	route.tier_required == "sealed" with input as inp
}

test_tier_required_not_lowered_by_tenant if {
	inp := object.union(mk_input("clinical-strict", []), {"tenant": {"id": "t", "allowed_policies": ["clinical-strict"], "min_tier": "open"}})
	route.tier_required == "sealed" with input as inp
}

test_tier_required_null_for_unknown_policy if {
	route.decision.tier_required == null with input as mk_input("nope", [good])
}

# --- drift ---

test_drifted_states if {
	not route.drifted({"drift": "none"})
	route.drifted({"drift": "drifted"})
	route.drifted({"drift": "something-else"})
	route.drifted({})
}

test_drift_reject_excludes if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"drift": "drifted"})])
	"model_drift_rejected" in excluded_codes(d, "m1")
	not d.allow
}

test_drift_unknown_posture_rejects if {
	d := route.decision with input as mk_input("custom", [object.union(good, {"drift": "drifted"})])
		with data.data.policies as with_policy({"tier": "open", "drift_posture": "shrug"})
	excluded_codes(d, "m1") == ["model_drift_rejected"]
}

test_drift_missing_posture_rejects if {
	d := route.decision with input as mk_input("custom", [object.union(good, {"drift": "drifted"})])
		with data.data.policies as with_policy({"tier": "open"})
	excluded_codes(d, "m1") == ["model_drift_rejected"]
}

test_drift_downgrade_drops_scopes if {
	d := route.decision with input as mk_input("standard", [object.union(good, {"drift": "drifted"})])
	excluded_codes(d, "m1") == ["tier_below_required"]
}

test_drift_downgrade_still_serves_open_tier if {
	d := route.decision with input as mk_input("custom", [object.union(good, {"drift": "drifted"})])
		with data.data.policies as with_policy({"tier": "open", "drift_posture": "downgrade"})
	d.chain == [{"provider": "onprem-vllm", "model": "m1", "tier": "open", "drifted": true, "rank": 0}]
}

test_drift_allow_keeps_tier if {
	d := route.decision with input as mk_input("dev-open", [object.union(good, {"drift": "drifted"})])
	d.chain == [{"provider": "onprem-vllm", "model": "m1", "tier": "sealed", "drifted": true, "rank": 0}]
}

# --- hard capability filters ---

cap_input(needs, caps) := replace(mk_input("dev-open", [replace(good, "capabilities", caps)]), "request", request(needs))

test_capability_tools if {
	d := route.decision with input as cap_input(object.union(needs_none, {"tools": true}), object.union(good.capabilities, {"tools": false}))
	excluded_codes(d, "m1") == ["missing_capability_tools"]
}

test_capability_tools_not_needed if {
	d := route.decision with input as cap_input(needs_none, object.union(good.capabilities, {"tools": false}))
	d.allow
}

test_capability_json_mode if {
	d := route.decision with input as cap_input(object.union(needs_none, {"json_mode": true}), object.union(good.capabilities, {"json_mode": false}))
	excluded_codes(d, "m1") == ["missing_capability_json_mode"]
}

test_capability_vision if {
	d := route.decision with input as cap_input(object.union(needs_none, {"vision": true}), object.remove(good.capabilities, ["vision"]))
	excluded_codes(d, "m1") == ["missing_capability_vision"]
}

test_capability_context_length if {
	d := route.decision with input as cap_input(object.union(needs_none, {"context_tokens": 100001}), good.capabilities)
	excluded_codes(d, "m1") == ["context_length_exceeded"]
}

test_capability_context_length_inclusive if {
	d := route.decision with input as cap_input(object.union(needs_none, {"context_tokens": 100000}), good.capabilities)
	d.allow
}

test_capability_unknown_context_length_fails_closed if {
	d := route.decision with input as cap_input(needs_none, object.remove(good.capabilities, ["context_length"]))
	excluded_codes(d, "m1") == ["context_length_exceeded"]
}

test_capability_filters_before_policy_checks if {
	# Fails tools and would fail tier, provider and witness checks: only the filter is reported.
	c := object.union(good, {"provider": "x", "witness_scopes": [], "capabilities": object.union(good.capabilities, {"tools": false})})
	inp := object.union(mk_input("clinical-strict", [c]), {"request": request(object.union(needs_none, {"tools": true}))})
	d := route.decision with input as inp
	excluded_codes(d, "m1") == ["missing_capability_tools"]
}

# --- policy checks ---

test_provider_not_allowed if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"provider": "openai"})])
	excluded_codes(d, "m1") == ["provider_not_allowed"]
}

test_provider_any_without_allowed_providers if {
	d := route.decision with input as mk_input("standard", [object.union(good, {"provider": "whoever"})])
	d.allow
}

test_tier_below_required if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"witness_scopes": ["no-training", "no-retention", "hipaa-baa"]})])
	excluded_codes(d, "m1") == ["tier_below_required"]
}

test_missing_witness_scopes if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"witness_scopes": sealed_scopes})])
	excluded_codes(d, "m1") == ["missing_witness_scopes"]
}

test_latency_cap_exceeded if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"p95_ms": 2001})])
	excluded_codes(d, "m1") == ["latency_cap_exceeded"]
}

test_latency_unknown_p95_is_not_excluded if {
	d := route.decision with input as mk_input("clinical-strict", [object.remove(good, ["p95_ms"])])
	d.allow
}

test_latency_no_cap if {
	d := route.decision with input as mk_input("dev-open", [object.union(good, {"p95_ms": 999999})])
	d.allow
	d.max_latency_ms == null
}

test_estimated_cost if {
	# 1000 input tokens at 1 USD/M + 1000 output tokens at 2 USD/M = 0.003 USD = 3000 micro-USD
	route.estimated_cost_musd(good) == 3000 with input as mk_input("standard", [good])
}

test_cost_cap_scaled_to_micro_usd if {
	route.cost_cap_musd == 500000 with input as mk_input("clinical-strict", [good])
}

test_cost_cap_exceeded if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"price_output_per_mtok": 500})])
	excluded_codes(d, "m1") == ["cost_cap_exceeded"]
}

test_cost_unknown_price_fails_closed_under_cap if {
	d := route.decision with input as mk_input("clinical-strict", [object.remove(good, ["price_input_per_mtok"])])
	excluded_codes(d, "m1") == ["cost_cap_exceeded"]
}

test_cost_no_cap if {
	d := route.decision with input as mk_input("dev-open", [object.union(good, {"price_output_per_mtok": 1000000})])
	d.allow
	d.max_cost_usd == null
}

# --- request-level reasons ---

test_unknown_policy if {
	d := route.decision with input as mk_input("nope", [good])
	not d.allow
	{"code": "unknown_policy"} in d.reasons
}

test_policy_not_allowed if {
	inp := object.union(mk_input("dev-open", [good]), {"tenant": {"id": "t", "allowed_policies": ["standard"]}})
	d := route.decision with input as inp
	d.reasons == [{"code": "policy_not_allowed"}]
}

test_origin_not_allowed if {
	inp := object.union(mk_input("clinical-strict", [good]), {"origin": {"header": "https://elsewhere.example", "client_address": "127.0.0.1"}})
	d := route.decision with input as inp
	d.reasons == [{"code": "origin_not_allowed"}]
}

test_origin_missing_header if {
	inp := replace(mk_input("clinical-strict", [good]), "origin", {"client_address": "127.0.0.1"})
	d := route.decision with input as inp
	d.reasons == [{"code": "origin_not_allowed"}]
}

test_origin_any_without_allowed_origins if {
	inp := object.union(mk_input("standard", [good]), {"origin": {"header": "", "client_address": "127.0.0.1"}})
	route.decision.allow with input as inp
}

test_unknown_policy_tier if {
	d := route.decision with input as mk_input("custom", [good])
		with data.data.policies as with_policy({"tier": "platinum", "drift_posture": "allow"})
	{"code": "unknown_tier"} in d.reasons
	d.tier_required == null
}

test_unknown_tenant_min_tier if {
	inp := object.union(mk_input("dev-open", [good]), {"tenant": {"id": "t", "allowed_policies": ["dev-open"], "min_tier": "gold"}})
	d := route.decision with input as inp
	d.reasons == [{"code": "unknown_tier"}]
}

test_no_qualifying_candidate if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"p95_ms": 5000})])
	d.reasons == [
		{"code": "no_qualifying_candidate"},
		{"code": "latency_cap_exceeded", "provider": "onprem-vllm", "model": "m1"},
	]
}

# --- the decision document ---

test_allow_has_chain_and_no_reasons if {
	d := route.decision with input as mk_input("clinical-strict", [good])
	d.allow
	d.reasons == []
	d.chain == [{"provider": "onprem-vllm", "model": "m1", "tier": "sealed", "drifted": false, "rank": 0}]
	d.max_cost_usd == 0.5
	d.max_latency_ms == 2000
	d.policy_id == "clinical-strict"
}

test_deny_has_empty_chain if {
	inp := object.union(mk_input("clinical-strict", [good]), {"origin": {"header": "", "client_address": ""}})
	d := route.decision with input as inp
	d.chain == []
}

test_decision_defined_for_empty_input if {
	d := route.decision with input as {}
	d.allow == false
	d.policy_id == null
	d.reasons == [{"code": "no_qualifying_candidate"}, {"code": "unknown_policy"}]
}

test_excluded_listed_on_allow if {
	d := route.decision with input as mk_input("clinical-strict", [object.union(good, {"model": "slow", "p95_ms": 9000}), good])
	d.allow
	d.excluded == [{"provider": "onprem-vllm", "model": "slow", "reasons": ["latency_cap_exceeded"]}]
}

# --- chain ordering ---

test_chain_preference_first if {
	a := object.union(good, {"provider": "azure-eu", "model": "a", "price_input_per_mtok": 0})
	b := object.union(good, {"model": "b", "price_input_per_mtok": 50})
	d := route.decision with input as mk_input("clinical-strict", [a, b])
	[e.model | some e in d.chain] == ["b", "a"]
}

test_chain_cost_then_latency_then_name if {
	a := object.union(good, {"model": "a", "p95_ms": 10})
	b := object.union(good, {"model": "b", "p95_ms": 5})
	c := object.union(good, {"model": "c", "price_input_per_mtok": 0.5})
	z := object.union(good, {"model": "0-same-as-b", "p95_ms": 5})
	d := route.decision with input as mk_input("clinical-strict", [a, b, c, z])
	[e.model | some e in d.chain] == ["c", "0-same-as-b", "b", "a"]
}

test_chain_unlisted_providers_last if {
	a := object.union(good, {"provider": "zeta", "model": "a", "price_input_per_mtok": 0})
	b := object.union(good, {"provider": "mock", "model": "b", "price_input_per_mtok": 9})
	d := route.decision with input as mk_input("custom", [a, b])
		with data.data.policies as with_policy(object.union(custom, {"preferred_providers": ["mock"]}))
	[[e.model, e.rank] | some e in d.chain] == [["b", 0], ["a", 1]]
}

# --- chain rank ---

chain_ranks(d) := [[e.model, e.rank] | some e in d.chain]

test_rank_dense_over_qualifying_preferences if {
	# standard prefers azure-eu, openai, anthropic; no azure-eu qualifies, so openai ranks 0.
	a := object.union(good, {"provider": "anthropic", "model": "a"})
	b := object.union(good, {"provider": "openai", "model": "b"})
	c := object.union(good, {"provider": "openai", "model": "c", "price_input_per_mtok": 0})
	z := object.union(good, {"provider": "zeta", "model": "z"})
	d := route.decision with input as mk_input("standard", [a, b, c, z])
	chain_ranks(d) == [["c", 0], ["b", 0], ["a", 1], ["z", 2]]
}

test_rank_priority_breaks_equal_preference if {
	a := object.union(good, {"provider": "p-a", "model": "a", "priority": 1, "price_input_per_mtok": 0})
	b := object.union(good, {"provider": "p-b", "model": "b", "priority": 0})
	c := object.union(good, {"provider": "p-c", "model": "c"})
	d := route.decision with input as mk_input("dev-open", [a, b, c])
	chain_ranks(d) == [["b", 0], ["c", 0], ["a", 1]]
}

test_rank_preference_outranks_priority if {
	a := object.union(good, {"provider": "azure-eu", "model": "a", "priority": 9})
	b := object.union(good, {"model": "b", "priority": 0})
	d := route.decision with input as mk_input("clinical-strict", [a, b])
	chain_ranks(d) == [["b", 0], ["a", 1]]
	a2 := object.union(a, {"provider": "onprem-vllm"})
	b2 := object.union(b, {"provider": "azure-eu"})
	d2 := route.decision with input as mk_input("clinical-strict", [a2, b2])
	chain_ranks(d2) == [["a", 0], ["b", 1]]
}

test_rank_missing_priority_is_zero if {
	a := object.union(good, {"provider": "p-a", "model": "a", "priority": 0, "price_input_per_mtok": 5})
	b := object.union(good, {"provider": "p-b", "model": "b"})
	d := route.decision with input as mk_input("dev-open", [a, b])
	chain_ranks(d) == [["b", 0], ["a", 0]]
}

test_dev_open_has_no_provider_preference if {
	data.data.policies["dev-open"].preferred_providers == []
}

test_chain_without_preferences if {
	a := object.union(good, {"provider": "p2", "model": "a", "price_input_per_mtok": 3})
	b := object.union(good, {"provider": "p1", "model": "b", "price_input_per_mtok": 2})
	d := route.decision with input as mk_input("custom", [a, b])
		with data.data.policies as with_policy(custom)
	[e.model | some e in d.chain] == ["b", "a"]
}

# --- shipped policies ---

test_shipped_policies_present if {
	{"clinical-strict", "standard", "dev-open"} == {name | some name, _ in data.data.policies}
}

test_clinical_strict_settings if {
	p := data.data.policies["clinical-strict"]
	p.tier == "sealed"
	p.drift_posture == "reject"
	count(p.required_witness_scopes) > 0
	count(p.allowed_origins) > 0
	p.max_latency_ms <= 2000
}

test_every_shipped_policy_tier_is_on_the_ladder if {
	every p in data.data.policies {
		route.tier_rank[p.tier]
		p.drift_posture in {"reject", "downgrade", "allow"}
	}
}

test_policy_any_without_tenant_allowed_list if {
	inp := replace(mk_input("dev-open", [good]), "tenant", {"id": "t"})
	route.decision.allow with input as inp
}

test_capability_missing_flag_fails_closed if {
	d := route.decision with input as cap_input(object.union(needs_none, {"tools": true}), object.remove(good.capabilities, ["tools"]))
	excluded_codes(d, "m1") == ["missing_capability_tools"]
}

# --- witness rejections ---

test_witness_rejections_named_when_short if {
	c := object.union(good, {"witness_scopes": ["no-training"], "witness_rejections": ["expired", "bad_signature"]})
	d := route.decision with input as mk_input("clinical-strict", [c])
	excluded_codes(d, "m1") == ["missing_witness_scopes", "tier_below_required", "witness_bad_signature", "witness_expired"]
}

test_witness_rejections_named_when_only_scopes_missing if {
	c := object.union(good, {"witness_scopes": sealed_scopes, "witness_rejections": ["expired"]})
	d := route.decision with input as mk_input("clinical-strict", [c])
	excluded_codes(d, "m1") == ["missing_witness_scopes", "witness_expired"]
}

test_witness_rejections_silent_when_qualifying if {
	c := object.union(good, {"witness_rejections": ["unknown_witness"]})
	d := route.decision with input as mk_input("clinical-strict", [c])
	d.allow
	d.excluded == []
}

test_witness_rejections_silent_when_excluded_for_other_reasons if {
	c := object.union(good, {"p95_ms": 9999, "witness_rejections": ["expired"]})
	d := route.decision with input as mk_input("clinical-strict", [c])
	excluded_codes(d, "m1") == ["latency_cap_exceeded"]
}

# --- per-candidate bookkeeping (reason codes and facts kept by candidate index) ---

test_codes_kept_by_candidate_index if {
	no_tools := object.union(good, {"model": "m2", "capabilities": {"tools": false}})
	slow := object.union(good, {"model": "m3", "p95_ms": 999999})
	inp := object.union(
		mk_input("clinical-strict", [good, no_tools, slow]),
		{"request": request(object.union(needs_none, {"tools": true}))},
	)
	route.capability_codes == {0: set(), 1: {"missing_capability_tools"}, 2: set()} with input as inp
	route.capable == {0, 2} with input as inp
	route.policy_codes == {0: set(), 2: {"latency_cap_exceeded"}} with input as inp
	route.miss_codes == {0: set(), 1: {"missing_capability_tools"}, 2: {"latency_cap_exceeded"}} with input as inp
	route.qualifying == {0} with input as inp
}

test_witness_codes_only_for_capable_candidates_short_of_witnesses if {
	short := object.union(good, {"witness_scopes": [], "witness_rejections": ["expired"]})
	incapable := object.union(short, {"model": "m2", "capabilities": {"vision": false}})
	inp := object.union(
		mk_input("clinical-strict", [short, incapable]),
		{"request": request(object.union(needs_none, {"vision": true}))},
	)
	route.witness_codes == {0: {"witness_expired"}} with input as inp
}

test_rank_and_cost_at_index if {
	cheap := object.union(good, {"model": "m2", "price_input_per_mtok": 0, "price_output_per_mtok": 0})
	inp := mk_input("standard", [object.union(good, {"tier": "confidential"}), cheap])
	route.rank_at == {0: 2, 1: 3} with input as inp
	route.cost_at == {0: 3000, 1: 0} with input as inp
	route.tier_at(0) == "confidential" with input as inp
	route.tier_at(7) == "unknown" with input as inp
}

test_cost_key_unknown_price_sorts_last if {
	inp := mk_input("standard", [object.remove(good, ["price_input_per_mtok"])])
	route.cost_key(0) == 1000000000000000 with input as inp
}
