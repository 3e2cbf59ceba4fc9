#!/usr/bin/env python3
"""Writes decision_vectors.json: the shared routing-decision vectors (input -> expected decision).

Provenance: every `want` below is written by hand from the rules in ../route.rego and the shipped
policy data in ../data/ (tier ladder open < standard < confidential < sealed; clinical-strict,
standard, dev-open), never copied from an engine's output. The same file is checked by
`opa test policies/` (vectors_test.rego), by the embedded wasm engine and by a real OPA server
(policy module JUnit tests), so all three must agree with these hand-written expectations.

Run from the repository root: python3 policies/testdata/make_vectors.py
"""
import copy
import json
import pathlib

SEALED = ["no-training", "no-retention", "attested-runtime"]
ALL_POLICIES = ["clinical-strict", "standard", "dev-open"]


def cand(provider, model, scopes, price_in, price_out, p95, tools=True, json_mode=True,
         vision=False, ctx=128000, drift="none", tier=None, priority=0):
    c = {
        "provider": provider,
        "model": model,
        "model_hash": "sha256:" + (provider + "/" + model).encode().hex()[:16].ljust(64, "0"),
        "witness_scopes": scopes,
        "witness_rejections": [],
        "drift": drift,
        "price_input_per_mtok": price_in,
        "price_output_per_mtok": price_out,
        "p50_ms": p95 // 3,
        "p95_ms": p95,
        "success_rate": 0.99,
        "healthy": True,
        "priority": priority,
        "capabilities": {"tools": tools, "json_mode": json_mode, "vision": vision,
                         "context_length": ctx},
    }
    if tier is not None:
        c["tier"] = tier
    return c


# The catalog most vectors draw from.
ONPREM = cand("onprem-vllm", "llama-3.1-70b", SEALED + ["hipaa-baa"], 0.5, 1.5, 900, ctx=131072)
AZURE = cand("azure-eu", "gpt-4o-eu", SEALED + ["hipaa-baa"], 2.5, 10, 1500, vision=True)
OPENAI = cand("openai", "gpt-4o", ["no-training"], 2.5, 10, 1200, vision=True)
ANTHROPIC = cand("anthropic", "claude-sonnet", ["no-training", "no-retention"], 3, 15, 2500,
                 vision=True, ctx=200000)
MOCK = cand("mock", "mock-1", [], 0, 0, 5, vision=False, ctx=8192)


def with_(c, **kw):
    c = copy.deepcopy(c)
    for k, v in kw.items():
        if k in ("tools", "json_mode", "vision", "context_length"):
            c["capabilities"][k] = v
        else:
            c[k] = v
    return c


def inp(policy_id, candidates, header="https://ehr.clinic.example", tools=False, json_mode=False,
        vision=False, ctx=3000, input_tokens=2000, max_output=1000, allowed=ALL_POLICIES,
        min_tier=None):
    tenant = {"id": "t-acme", "allowed_policies": allowed}
    if min_tier is not None:
        tenant["min_tier"] = min_tier
    return {
        "tenant": tenant,
        "policy_id": policy_id,
        "request": {
            "model": "auto",
            "stream": False,
            "needs": {"tools": tools, "json_mode": json_mode, "vision": vision,
                      "context_tokens": ctx},
            "input_tokens": input_tokens,
            "max_output_tokens": max_output,
        },
        "origin": {"header": header, "client_address": "10.20.30.40"},
        "candidates": candidates,
    }


CAPS = {
    "clinical-strict": (0.5, 2000, "sealed"),
    "standard": (2.0, 10000, "standard"),
    "dev-open": (None, None, "open"),
}


def entry(c, tier, rank, drifted=False):
    """A chain entry; rank: position of the candidate's (preference, priority) key among the
    distinct keys of the qualifying candidates, best first."""
    return {"provider": c["provider"], "model": c["model"], "tier": tier, "drifted": drifted,
            "rank": rank}


def excl(c, *codes):
    return {"provider": c["provider"], "model": c["model"], "reasons": sorted(codes)}


def allow(policy_id, chain, excluded=()):
    cost, latency, tier = CAPS[policy_id]
    return {"allow": True, "policy_id": policy_id, "reasons": [], "chain": list(chain),
            "tier_required": tier, "max_cost_usd": cost, "max_latency_ms": latency,
            "excluded": list(excluded)}


def deny(policy_id, request_codes, excluded_in_order, tier="default"):
    """Reasons: request-level codes sorted, then each excluded candidate's codes in input order."""
    cost, latency, default_tier = CAPS.get(policy_id, (None, None, None))
    reasons = [{"code": c} for c in sorted(request_codes)]
    for x in excluded_in_order:
        reasons += [{"code": code, "provider": x["provider"], "model": x["model"]}
                    for code in x["reasons"]]
    return {"allow": False, "policy_id": policy_id, "reasons": reasons, "chain": [],
            "tier_required": default_tier if tier == "default" else tier,
            "max_cost_usd": cost, "max_latency_ms": latency,
            "excluded": list(excluded_in_order)}


V = []


def vector(name, desc, input_, want):
    V.append({"name": name, "desc": desc, "input": input_, "want": want})


# --- allow and chain ordering -------------------------------------------------------------------
vector("clinical_allow_preferred_order",
       "clinical-strict: sealed+hipaa candidates qualify in the policy's provider order; openai "
       "is excluded (provider, tier from witnesses: standard, missing hipaa-baa)",
       inp("clinical-strict", [OPENAI, AZURE, ONPREM], tools=True),
       allow("clinical-strict", [entry(ONPREM, "sealed", 0), entry(AZURE, "sealed", 1)],
             [excl(OPENAI, "missing_witness_scopes", "provider_not_allowed",
                   "tier_below_required")]))

CHEAP = cand("openai", "gpt-4o-mini", ["no-training"], 0.15, 0.6, 800, vision=True)
vector("standard_chain_preference_then_cost",
       "standard: preferred providers first (azure-eu, openai, anthropic), one rank per "
       "provider, within a provider cheaper first, unlisted providers last",
       inp("standard", [
           with_(MOCK, witness_scopes=["no-training"]), ANTHROPIC, OPENAI, CHEAP, AZURE]),
       allow("standard", [entry(AZURE, "sealed", 0), entry(CHEAP, "standard", 1),
                          entry(OPENAI, "standard", 1), entry(ANTHROPIC, "confidential", 2),
                          entry(MOCK, "standard", 3)]))

FAST = with_(MOCK, model="mock-fast", p95_ms=10)
SLOW = with_(MOCK, model="mock-slow", p95_ms=50)
vector("dev_open_ties_broken_by_latency",
       "dev-open prefers no provider: one rank; cheaper first, then lower p95",
       inp("dev-open", [OPENAI, SLOW, FAST]),
       allow("dev-open", [entry(FAST, "open", 0), entry(SLOW, "open", 0),
                          entry(OPENAI, "standard", 0)]))

vector("rank_priority_breaks_preference_ties",
       "dev-open: the operator's priority separates providers the policy prefers equally; "
       "equal priority shares a rank (the walk orders it by health)",
       inp("dev-open", [with_(MOCK, priority=1), with_(OPENAI, priority=0),
                        with_(FAST, provider="mock-b", priority=0)]),
       allow("dev-open", [entry(with_(FAST, provider="mock-b"), "open", 0),
                          entry(OPENAI, "standard", 0), entry(MOCK, "open", 1)]))

vector("rank_preference_outranks_priority",
       "standard: a preferred provider ranks first whatever the operator's priorities",
       inp("standard", [with_(OPENAI, priority=0), with_(AZURE, priority=7)]),
       allow("standard", [entry(AZURE, "sealed", 0), entry(OPENAI, "standard", 1)]))

# --- request-level deny reasons -----------------------------------------------------------------
vector("clinical_deny_origin_not_allowed",
       "clinical-strict only accepts its named origins",
       inp("clinical-strict", [ONPREM], header="https://evil.example"),
       deny("clinical-strict", ["origin_not_allowed"], []))

vector("clinical_deny_missing_origin",
       "no Origin header (empty string) is not an allowed origin",
       inp("clinical-strict", [ONPREM], header=""),
       deny("clinical-strict", ["origin_not_allowed"], []))

vector("deny_unknown_policy",
       "a policy id that is not in the data; the tenant may not use it either",
       inp("nope", [MOCK]),
       deny("nope", ["policy_not_allowed", "unknown_policy"], [], tier=None))

vector("deny_policy_not_allowed_for_tenant",
       "the tenant may use standard only",
       inp("dev-open", [MOCK], allowed=["standard"]),
       deny("dev-open", ["policy_not_allowed"], []))

vector("deny_unknown_tenant_min_tier",
       "a tenant minimum tier missing from the ladder fails closed",
       inp("dev-open", [MOCK], min_tier="platinum"),
       deny("dev-open", ["unknown_tier"], []))

vector("deny_no_candidates",
       "an empty candidate list never qualifies",
       inp("standard", []),
       deny("standard", ["no_qualifying_candidate"], []))

# --- hard capability filters --------------------------------------------------------------------
NO_TOOLS = with_(OPENAI, model="gpt-4o-notools", tools=False)
vector("capability_tools",
       "needs tools: a candidate without tool support is filtered out",
       inp("dev-open", [NO_TOOLS, OPENAI], tools=True),
       allow("dev-open", [entry(OPENAI, "standard", 0)], [excl(NO_TOOLS, "missing_capability_tools")]))

NO_JSON = with_(OPENAI, model="gpt-4o-nojson", json_mode=False)
vector("capability_json_mode",
       "needs JSON mode",
       inp("dev-open", [NO_JSON, OPENAI], json_mode=True),
       allow("dev-open", [entry(OPENAI, "standard", 0)],
             [excl(NO_JSON, "missing_capability_json_mode")]))

vector("capability_vision",
       "needs vision: on-prem llama has none",
       inp("dev-open", [ONPREM, AZURE], vision=True),
       allow("dev-open", [entry(AZURE, "sealed", 0)], [excl(ONPREM, "missing_capability_vision")]))

vector("capability_context_length",
       "150k context: only the 200k model fits",
       inp("dev-open", [ONPREM, ANTHROPIC], ctx=150000),
       allow("dev-open", [entry(ANTHROPIC, "confidential", 0)],
             [excl(ONPREM, "context_length_exceeded")]))

vector("capability_filters_before_scoring",
       "clinical-strict: the mock lacks vision and context, so it is dropped by the hard "
       "filters and never scored (no tier, provider or witness reasons)",
       inp("clinical-strict", [MOCK, AZURE], vision=True, ctx=9000),
       allow("clinical-strict", [entry(AZURE, "sealed", 0)],
             [excl(MOCK, "context_length_exceeded", "missing_capability_vision")]))

vector("capability_none_left",
       "every candidate fails a hard filter: deny with each candidate's reasons",
       inp("standard", [ONPREM, MOCK], vision=True, tools=True),
       deny("standard", ["no_qualifying_candidate"],
            [excl(ONPREM, "missing_capability_vision"),
             excl(MOCK, "missing_capability_vision")]))

# --- tier derivation ----------------------------------------------------------------------------
vector("tier_from_witness_scopes",
       "standard needs tier standard: no scopes = open (excluded), no-training = standard, "
       "no-training+no-retention = confidential",
       inp("standard", [MOCK, OPENAI, ANTHROPIC]),
       allow("standard", [entry(OPENAI, "standard", 0), entry(ANTHROPIC, "confidential", 1)],
             [excl(MOCK, "tier_below_required")]))

GAPPY = with_(ANTHROPIC, model="claude-gappy", witness_scopes=["no-retention", "attested-runtime"])
vector("tier_needs_every_scope_of_the_tier",
       "scopes of higher tiers without no-training earn only open",
       inp("standard", [GAPPY, OPENAI]),
       allow("standard", [entry(OPENAI, "standard", 0)], [excl(GAPPY, "tier_below_required")]))

CAPPED = with_(ONPREM, model="llama-capped", tier="standard")
vector("tier_capped_by_declared_tier",
       "the catalog's declared tier caps what witnesses earn (sealed scopes, declared standard)",
       inp("clinical-strict", [CAPPED, ONPREM]),
       allow("clinical-strict", [entry(ONPREM, "sealed", 0)], [excl(CAPPED, "tier_below_required")]))

vector("tier_declared_tier_lowers_chain_entry",
       "standard accepts the capped model; its chain tier is the declared one",
       inp("standard", [CAPPED]),
       allow("standard", [entry(CAPPED, "standard", 0)]))

BOGUS = with_(OPENAI, model="gpt-4o-bogus", tier="platinum")
vector("tier_unknown_declared_tier_fails_closed",
       "a declared tier outside the ladder ranks below open, even for dev-open",
       inp("dev-open", [BOGUS, MOCK]),
       allow("dev-open", [entry(MOCK, "open", 0)], [excl(BOGUS, "tier_below_required")]))

vector("tier_raised_by_tenant_minimum",
       "tenant minimum confidential raises standard's tier",
       inp("standard", [OPENAI, ANTHROPIC], min_tier="confidential"),
       {**allow("standard", [entry(ANTHROPIC, "confidential", 0)],
                [excl(OPENAI, "tier_below_required")]), "tier_required": "confidential"})

vector("tier_tenant_minimum_below_policy_is_ignored",
       "tenant minimum open does not lower clinical-strict's sealed",
       inp("clinical-strict", [ONPREM], min_tier="open"),
       allow("clinical-strict", [entry(ONPREM, "sealed", 0)]))

# --- policy checks ------------------------------------------------------------------------------
NO_HIPAA = with_(AZURE, model="gpt-4o-eu-nohipaa", witness_scopes=SEALED)
vector("deny_missing_witness_scopes",
       "clinical-strict requires hipaa-baa on top of sealed",
       inp("clinical-strict", [NO_HIPAA]),
       deny("clinical-strict", ["no_qualifying_candidate"],
            [excl(NO_HIPAA, "missing_witness_scopes")]))

SLOW_AZURE = with_(AZURE, p95_ms=2001)
vector("deny_latency_cap_exceeded",
       "clinical-strict caps p95 at 2000 ms",
       inp("clinical-strict", [SLOW_AZURE]),
       deny("clinical-strict", ["no_qualifying_candidate"],
            [excl(SLOW_AZURE, "latency_cap_exceeded")]))

EDGE_AZURE = with_(AZURE, p95_ms=2000)
vector("latency_cap_is_inclusive",
       "p95 equal to the cap qualifies",
       inp("clinical-strict", [EDGE_AZURE]),
       allow("clinical-strict", [entry(EDGE_AZURE, "sealed", 0)]))

vector("deny_cost_cap_exceeded",
       "worst case (2000 in + 1000 out at 100/400 per Mtok = 0.6 USD) exceeds clinical's 0.5",
       inp("clinical-strict", [with_(ONPREM, price_input_per_mtok=100, price_output_per_mtok=400)]),
       deny("clinical-strict", ["no_qualifying_candidate"],
            [excl(ONPREM, "cost_cap_exceeded")]))

UNIT = cand("openai", "gpt-unit", ["no-training"], 1, 1, 100, ctx=4000000)
vector("cost_cap_is_inclusive",
       "1M in + 1M out at 1 USD/Mtok = exactly standard's 2.0 cap: qualifies",
       inp("standard", [UNIT], ctx=2000000, input_tokens=1000000, max_output=1000000),
       allow("standard", [entry(UNIT, "standard", 0)]))

vector("cost_cap_uses_max_output_tokens",
       "one more output token than the cap allows",
       inp("standard", [UNIT], ctx=2000001, input_tokens=1000000, max_output=1000001),
       deny("standard", ["no_qualifying_candidate"], [excl(UNIT, "cost_cap_exceeded")]))

vector("deny_provider_not_allowed",
       "clinical-strict serves only from onprem-vllm and azure-eu, whatever the witnesses say",
       inp("clinical-strict", [with_(ONPREM, provider="openai")]),
       deny("clinical-strict", ["no_qualifying_candidate"],
            [excl(with_(ONPREM, provider="openai"), "provider_not_allowed")]))

# --- witness rejections -------------------------------------------------------------------------
EXPIRED_HIPAA = with_(AZURE, model="gpt-4o-eu-expired", witness_scopes=SEALED,
                      witness_rejections=["expired"])
vector("witness_expired_statement_named",
       "the hipaa-baa statement expired, so the gateway passed only the sealed scopes and the "
       "rejection code; the missing scope and the rejection both show",
       inp("clinical-strict", [EXPIRED_HIPAA]),
       deny("clinical-strict", ["no_qualifying_candidate"],
            [excl(EXPIRED_HIPAA, "missing_witness_scopes", "witness_expired")]))

FORGED = with_(ONPREM, model="llama-forged", witness_scopes=["no-training"],
               witness_rejections=["bad_signature", "unknown_witness"])
vector("witness_forged_statements_lower_tier",
       "forged and unknown-witness statements count for nothing: tier standard, not sealed",
       inp("clinical-strict", [FORGED, ONPREM]),
       allow("clinical-strict", [entry(ONPREM, "sealed", 0)],
             [excl(FORGED, "missing_witness_scopes", "tier_below_required",
                   "witness_bad_signature", "witness_unknown_witness")]))

QUALIFIES = with_(ONPREM, witness_rejections=["expired"])
vector("witness_rejection_silent_when_qualifying",
       "an extra rejected statement does not matter when the verified ones suffice",
       inp("clinical-strict", [QUALIFIES]),
       allow("clinical-strict", [entry(QUALIFIES, "sealed", 0)]))

# --- drift postures -----------------------------------------------------------------------------
DRIFT_ONPREM = with_(ONPREM, drift="drifted")
vector("drift_reject",
       "clinical-strict (reject): a drifted model is excluded and its witness scopes no longer "
       "count; the undrifted one serves",
       inp("clinical-strict", [DRIFT_ONPREM, AZURE]),
       allow("clinical-strict", [entry(AZURE, "sealed", 0)],
             [excl(DRIFT_ONPREM, "missing_witness_scopes", "model_drift_rejected",
                   "tier_below_required")]))

DRIFT_ANTHROPIC = with_(ANTHROPIC, drift="drifted")
vector("drift_downgrade",
       "standard (downgrade): the drifted model loses its witness scopes, so its tier drops to "
       "open, below standard",
       inp("standard", [DRIFT_ANTHROPIC, OPENAI]),
       allow("standard", [entry(OPENAI, "standard", 0)],
             [excl(DRIFT_ANTHROPIC, "tier_below_required")]))

vector("drift_downgrade_only_candidate",
       "standard (downgrade) with nothing else: deny",
       inp("standard", [DRIFT_ANTHROPIC]),
       deny("standard", ["no_qualifying_candidate"],
            [excl(DRIFT_ANTHROPIC, "tier_below_required")]))

vector("drift_allow",
       "dev-open (allow): the drifted model keeps its witnessed tier and is marked drifted",
       inp("dev-open", [DRIFT_ONPREM]),
       allow("dev-open", [entry(DRIFT_ONPREM, "sealed", 0, drifted=True)]))


def main():
    out = pathlib.Path(__file__).with_name("decision_vectors.json")
    names = [v["name"] for v in V]
    assert len(names) == len(set(names)), "duplicate vector names"
    out.write_text(json.dumps({"decision_vectors": V}, indent=1) + "\n")
    print(f"wrote {len(V)} vectors to {out}")


if __name__ == "__main__":
    main()
