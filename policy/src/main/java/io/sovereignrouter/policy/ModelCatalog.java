package io.sovereignrouter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.policy.internal.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model catalog: which (provider, model) pairs serve each client-facing model id, with prices,
 * capabilities and pinned hashes. Parsed from and formatted to the config/admin JSON {@code
 * {"models":[{model, provider, provider_model, model_hash, tier?, price_input_per_mtok,
 * price_output_per_mtok, capabilities:{tools, json_mode, vision, context_length}}]}}.
 *
 * @param entries the mappings, in catalog order
 */
public record ModelCatalog(List<CatalogEntry> entries) {

  /** Validates: a (provider, provider model) pair appears at most once per model id. */
  public ModelCatalog {
    entries = List.copyOf(entries);
    Set<String> seen = new HashSet<>();
    for (CatalogEntry e : entries) {
      if (!seen.add(e.model() + "\u0000" + e.provider() + "\u0000" + e.providerModel())) {
        throw new IllegalArgumentException(
            "catalog: duplicate mapping "
                + e.model()
                + " -> "
                + e.provider()
                + "/"
                + e.providerModel());
      }
    }
  }

  /**
   * The mappings that serve a client-facing model id.
   *
   * @param model the model id the client asked for
   * @return matching entries in catalog order; empty when the model is unknown
   */
  public List<CatalogEntry> entriesFor(String model) {
    return entries.stream().filter(e -> e.model().equals(model)).toList();
  }

  /**
   * Formats the catalog.
   *
   * @return compact JSON
   */
  public String format() {
    ObjectNode root = Json.object();
    ArrayNode models = root.putArray("models");
    for (CatalogEntry e : entries) {
      ObjectNode n = models.addObject();
      n.put("model", e.model());
      n.put("provider", e.provider());
      n.put("provider_model", e.providerModel());
      n.put("model_hash", e.modelHash());
      e.declaredTier().ifPresent(t -> n.put("tier", t));
      n.put("price_input_per_mtok", e.priceInputPerMtok());
      n.put("price_output_per_mtok", e.priceOutputPerMtok());
      n.putObject("capabilities")
          .put("tools", e.capabilities().tools())
          .put("json_mode", e.capabilities().jsonMode())
          .put("vision", e.capabilities().vision())
          .put("context_length", e.capabilities().contextLength());
    }
    return Json.format(root);
  }

  /**
   * Parses a catalog.
   *
   * @param json the catalog JSON
   * @return the catalog
   * @throws PolicyFormatException when it does not have the catalog's shape
   */
  public static ModelCatalog parse(String json) {
    JsonNode root =
        Json.object(Json.parse(json, "model catalog"), "catalog", Set.of("models"), Set.of());
    List<CatalogEntry> out = new ArrayList<>();
    JsonNode models = Json.array(root, "models", "catalog");
    try {
      for (int i = 0; i < models.size(); i++) {
        String p = "catalog.models[" + i + "]";
        JsonNode n =
            Json.object(
                models.get(i),
                p,
                Set.of(
                    "model",
                    "provider",
                    "provider_model",
                    "model_hash",
                    "price_input_per_mtok",
                    "price_output_per_mtok",
                    "capabilities"),
                Set.of("tier"));
        String cp = p + ".capabilities";
        JsonNode c =
            Json.object(
                n.get("capabilities"),
                cp,
                Set.of("tools", "json_mode", "vision", "context_length"),
                Set.of());
        out.add(
            new CatalogEntry(
                Json.text(n, "model", p),
                Json.text(n, "provider", p),
                Json.text(n, "provider_model", p),
                Json.text(n, "model_hash", p),
                Json.optionalText(n, "tier", p),
                Json.decimal(n, "price_input_per_mtok", p),
                Json.decimal(n, "price_output_per_mtok", p),
                new Capabilities(
                    Json.bool(c, "tools", cp),
                    Json.bool(c, "json_mode", cp),
                    Json.bool(c, "vision", cp),
                    Json.integer(c, "context_length", cp))));
      }
      return new ModelCatalog(out);
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException("catalog: " + e.getMessage(), e);
    }
  }
}
