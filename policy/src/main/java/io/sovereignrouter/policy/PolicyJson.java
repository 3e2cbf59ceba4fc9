package io.sovereignrouter.policy;

import static io.sovereignrouter.policy.internal.Json.array;
import static io.sovereignrouter.policy.internal.Json.bool;
import static io.sovereignrouter.policy.internal.Json.decimal;
import static io.sovereignrouter.policy.internal.Json.integer;
import static io.sovereignrouter.policy.internal.Json.object;
import static io.sovereignrouter.policy.internal.Json.optionalDecimal;
import static io.sovereignrouter.policy.internal.Json.optionalInteger;
import static io.sovereignrouter.policy.internal.Json.optionalText;
import static io.sovereignrouter.policy.internal.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.policy.internal.InputWriter;
import io.sovereignrouter.policy.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The policy module's JSON codec: {@link PolicyInput} to the Rego {@code input} document and the
 * {@code sovereign/route/decision} result back to a {@link Decision}, as symmetric {@code
 * format}/{@code parse} pairs. Field names are those of {@code policies/route.rego} (snake_case).
 * Parsers are strict: every field present, no unknown field, integers where integers belong.
 */
public final class PolicyJson {
  private static final Set<String> NONE = Set.of();

  private PolicyJson() {}

  /**
   * Formats the Rego input document.
   *
   * @param input the input
   * @return compact JSON
   */
  public static String formatInput(PolicyInput input) {
    return InputWriter.format(input);
  }

  /**
   * The inputs digest of a decision record: the SHA-256 of the input document exactly as {@link
   * #formatInput} writes it and the engines receive it.
   *
   * @param input the input
   * @return {@code sha256:} and 64 lowercase hex digits
   */
  public static String inputDigest(PolicyInput input) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(formatInput(input).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new PolicyException("SHA-256 unavailable", e);
    }
  }

  /**
   * Builds the Rego input document as a tree; {@link #formatInput} writes the same document without
   * building it.
   *
   * @param input the input
   * @return the tree
   */
  public static ObjectNode inputTree(PolicyInput input) {
    ObjectNode root = Json.object();
    ObjectNode tenant = root.putObject("tenant");
    tenant.put("id", input.tenant().id());
    ArrayNode allowed = tenant.putArray("allowed_policies");
    input.tenant().allowedPolicies().forEach(allowed::add);
    input.tenant().minTier().ifPresent(t -> tenant.put("min_tier", t));
    root.put("policy_id", input.policyId());
    RouteRequest r = input.request();
    ObjectNode request = root.putObject("request");
    request.put("model", r.model());
    request.put("stream", r.stream());
    ObjectNode needs = request.putObject("needs");
    needs.put("tools", r.needs().tools());
    needs.put("json_mode", r.needs().jsonMode());
    needs.put("vision", r.needs().vision());
    needs.put("context_tokens", r.needs().contextTokens());
    request.put("input_tokens", r.inputTokens());
    request.put("max_output_tokens", r.maxOutputTokens());
    ObjectNode origin = root.putObject("origin");
    origin.put("header", input.origin().header());
    origin.put("client_address", input.origin().clientAddress());
    ArrayNode candidates = root.putArray("candidates");
    for (Candidate c : input.candidates()) {
      ObjectNode n = candidates.addObject();
      n.put("provider", c.provider());
      n.put("model", c.model());
      n.put("model_hash", c.modelHash());
      c.declaredTier().ifPresent(t -> n.put("tier", t));
      ArrayNode scopes = n.putArray("witness_scopes");
      c.witnessScopes().forEach(scopes::add);
      ArrayNode rejections = n.putArray("witness_rejections");
      c.witnessRejections().forEach(rejections::add);
      n.put("drift", c.drift().wire());
      n.put("price_input_per_mtok", c.priceInputPerMtok());
      n.put("price_output_per_mtok", c.priceOutputPerMtok());
      n.put("p50_ms", c.p50Ms());
      n.put("p95_ms", c.p95Ms());
      n.put("success_rate", c.successRate());
      n.put("healthy", c.healthy());
      n.put("priority", c.priority());
      ObjectNode caps = n.putObject("capabilities");
      caps.put("tools", c.capabilities().tools());
      caps.put("json_mode", c.capabilities().jsonMode());
      caps.put("vision", c.capabilities().vision());
      caps.put("context_length", c.capabilities().contextLength());
    }
    return root;
  }

  /**
   * Parses a Rego input document.
   *
   * @param json the document
   * @return the input
   * @throws PolicyFormatException when the document does not have the input's shape
   */
  public static PolicyInput parseInput(String json) {
    try {
      return input(json);
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException("input: " + e.getMessage(), e);
    }
  }

  private static PolicyInput input(String json) {
    JsonNode root =
        object(
            Json.parse(json, "policy input"),
            "input",
            Set.of("tenant", "policy_id", "request", "origin", "candidates"),
            NONE);
    JsonNode t =
        object(
            root.get("tenant"),
            "input.tenant",
            Set.of("id", "allowed_policies"),
            Set.of("min_tier"));
    Tenant tenant =
        new Tenant(
            text(t, "id", "input.tenant"),
            strings(array(t, "allowed_policies", "input.tenant"), "input.tenant.allowed_policies"),
            optionalText(t, "min_tier", "input.tenant"));
    JsonNode r =
        object(
            root.get("request"),
            "input.request",
            Set.of("model", "stream", "needs", "input_tokens", "max_output_tokens"),
            NONE);
    JsonNode n =
        object(
            r.get("needs"),
            "input.request.needs",
            Set.of("tools", "json_mode", "vision", "context_tokens"),
            NONE);
    String np = "input.request.needs";
    RouteRequest request =
        new RouteRequest(
            text(r, "model", "input.request"),
            bool(r, "stream", "input.request"),
            new Needs(
                bool(n, "tools", np),
                bool(n, "json_mode", np),
                bool(n, "vision", np),
                integer(n, "context_tokens", np)),
            integer(r, "input_tokens", "input.request"),
            integer(r, "max_output_tokens", "input.request"));
    JsonNode o =
        object(root.get("origin"), "input.origin", Set.of("header", "client_address"), NONE);
    Origin origin =
        new Origin(text(o, "header", "input.origin"), text(o, "client_address", "input.origin"));
    List<Candidate> candidates = new ArrayList<>();
    JsonNode cs = array(root, "candidates", "input");
    for (int i = 0; i < cs.size(); i++) {
      candidates.add(candidate(cs.get(i), "input.candidates[" + i + "]"));
    }
    return new PolicyInput(tenant, text(root, "policy_id", "input"), request, origin, candidates);
  }

  private static Candidate candidate(JsonNode node, String path) {
    JsonNode c =
        object(
            node,
            path,
            Set.of(
                "provider",
                "model",
                "model_hash",
                "witness_scopes",
                "witness_rejections",
                "drift",
                "price_input_per_mtok",
                "price_output_per_mtok",
                "p50_ms",
                "p95_ms",
                "success_rate",
                "healthy",
                "priority",
                "capabilities"),
            Set.of("tier"));
    String cp = path + ".capabilities";
    JsonNode caps =
        object(
            c.get("capabilities"),
            cp,
            Set.of("tools", "json_mode", "vision", "context_length"),
            NONE);
    try {
      return new Candidate(
          text(c, "provider", path),
          text(c, "model", path),
          text(c, "model_hash", path),
          optionalText(c, "tier", path),
          strings(array(c, "witness_scopes", path), path + ".witness_scopes"),
          strings(array(c, "witness_rejections", path), path + ".witness_rejections"),
          DriftState.parse(text(c, "drift", path)),
          decimal(c, "price_input_per_mtok", path),
          decimal(c, "price_output_per_mtok", path),
          integer(c, "p50_ms", path),
          integer(c, "p95_ms", path),
          decimal(c, "success_rate", path).doubleValue(),
          bool(c, "healthy", path),
          new Capabilities(
              bool(caps, "tools", cp),
              bool(caps, "json_mode", cp),
              bool(caps, "vision", cp),
              integer(caps, "context_length", cp)),
          int32(c, "priority", path));
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Formats a decision as the Rego rule {@code sovereign.route.decision} returns it.
   *
   * @param decision the decision
   * @return compact JSON
   */
  public static String formatDecision(Decision decision) {
    ObjectNode root = Json.object();
    root.put("allow", decision instanceof Decision.Allow);
    root.put("policy_id", decision.policyId());
    ArrayNode reasons = root.putArray("reasons");
    ArrayNode chain = root.putArray("chain");
    switch (decision) {
      case Decision.Allow a -> {
        for (ChainEntry e : a.chain()) {
          chain
              .addObject()
              .put("provider", e.provider())
              .put("model", e.model())
              .put("tier", e.tier())
              .put("drifted", e.drifted())
              .put("rank", e.rank());
        }
        root.put("tier_required", a.tierRequired());
      }
      case Decision.Deny d -> {
        for (Reason r : d.reasons()) {
          ObjectNode n = reasons.addObject().put("code", r.code());
          r.provider().ifPresent(p -> n.put("provider", p));
          r.model().ifPresent(m -> n.put("model", m));
        }
        d.tierRequired()
            .ifPresentOrElse(
                t -> root.put("tier_required", t), () -> root.putNull("tier_required"));
      }
    }
    decision
        .maxCostUsd()
        .ifPresentOrElse(v -> root.put("max_cost_usd", v), () -> root.putNull("max_cost_usd"));
    decision
        .maxLatencyMs()
        .ifPresentOrElse(v -> root.put("max_latency_ms", v), () -> root.putNull("max_latency_ms"));
    ArrayNode excluded = root.putArray("excluded");
    for (Exclusion x : decision.excluded()) {
      ArrayNode codes =
          excluded
              .addObject()
              .put("provider", x.provider())
              .put("model", x.model())
              .putArray("reasons");
      x.reasons().forEach(codes::add);
    }
    return Json.format(root);
  }

  /**
   * Parses the result of {@code sovereign/route/decision}.
   *
   * @param json the result document (the value of OPA's {@code result}, not the envelope)
   * @return the decision
   * @throws PolicyFormatException when the document does not have the decision's shape, or an allow
   *     carries reasons or a deny carries a chain
   */
  public static Decision parseDecision(String json) {
    return parseDecision(Json.parse(json, "policy decision"));
  }

  /**
   * Parses the result of {@code sovereign/route/decision} from a tree.
   *
   * @param node the result document
   * @return the decision
   * @throws PolicyFormatException when the document does not have the decision's shape
   */
  public static Decision parseDecision(JsonNode node) {
    try {
      return decision(node);
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException("decision: " + e.getMessage(), e);
    }
  }

  private static Decision decision(JsonNode node) {
    String p = "decision";
    JsonNode root =
        object(
            node,
            p,
            Set.of(
                "allow",
                "policy_id",
                "reasons",
                "chain",
                "tier_required",
                "max_cost_usd",
                "max_latency_ms",
                "excluded"),
            NONE);
    boolean allow = bool(root, "allow", p);
    String policyId = text(root, "policy_id", p);
    var maxCost = optionalDecimal(root, "max_cost_usd", p);
    var maxLatency = optionalInteger(root, "max_latency_ms", p);
    var tierRequired = optionalText(root, "tier_required", p);
    List<Exclusion> excluded = new ArrayList<>();
    JsonNode xs = array(root, "excluded", p);
    for (int i = 0; i < xs.size(); i++) {
      String xp = p + ".excluded[" + i + "]";
      JsonNode x = object(xs.get(i), xp, Set.of("provider", "model", "reasons"), NONE);
      excluded.add(
          new Exclusion(
              text(x, "provider", xp),
              text(x, "model", xp),
              strings(array(x, "reasons", xp), xp + ".reasons")));
    }
    JsonNode reasons = array(root, "reasons", p);
    JsonNode chain = array(root, "chain", p);
    {
      if (allow) {
        if (!reasons.isEmpty()) {
          throw new PolicyFormatException(
              p + ".reasons: expected none on allow, got " + reasons.size());
        }
        List<ChainEntry> entries = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
          String cp = p + ".chain[" + i + "]";
          JsonNode e =
              object(
                  chain.get(i), cp, Set.of("provider", "model", "tier", "drifted", "rank"), NONE);
          entries.add(
              new ChainEntry(
                  text(e, "provider", cp),
                  text(e, "model", cp),
                  text(e, "tier", cp),
                  bool(e, "drifted", cp),
                  int32(e, "rank", cp)));
        }
        String tier =
            tierRequired.orElseThrow(
                () ->
                    new PolicyFormatException(
                        p + ".tier_required: expected a tier on allow, got null"));
        return new Decision.Allow(policyId, entries, tier, maxCost, maxLatency, excluded);
      }
      if (!chain.isEmpty()) {
        throw new PolicyFormatException(p + ".chain: expected none on deny, got " + chain.size());
      }
      List<Reason> list = new ArrayList<>();
      for (int i = 0; i < reasons.size(); i++) {
        String rp = p + ".reasons[" + i + "]";
        JsonNode r = object(reasons.get(i), rp, Set.of("code"), Set.of("provider", "model"));
        list.add(
            new Reason(
                text(r, "code", rp),
                optionalText(r, "provider", rp),
                optionalText(r, "model", rp)));
      }
      return new Decision.Deny(policyId, list, tierRequired, maxCost, maxLatency, excluded);
    }
  }

  private static int int32(JsonNode parent, String field, String path) {
    long v = integer(parent, field, path);
    if (v != (int) v) {
      throw new PolicyFormatException(path + "." + field + ": expected a 32-bit integer, got " + v);
    }
    return (int) v;
  }

  private static List<String> strings(JsonNode array, String path) {
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode v = array.get(i);
      if (!v.isTextual()) {
        throw new PolicyFormatException(
            path + "[" + i + "]: expected a string, got " + Json.kind(v));
      }
      out.add(v.textValue());
    }
    return out;
  }
}
