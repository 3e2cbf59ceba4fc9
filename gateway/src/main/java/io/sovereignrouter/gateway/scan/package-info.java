/**
 * Stage 2 of the pipeline (DESIGN §1): the credential-leak scanner.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link io.sovereignrouter.gateway.scan.Scanner#scan(CharSequence)} returns the credential
 *       spans in a text as {@link io.sovereignrouter.gateway.scan.Finding}s: rule id, UTF-16
 *       offsets of the secret and a keyed fingerprint. A finding never holds the secret itself.
 *   <li>Matching runs in two steps: one Aho-Corasick pass over every rule's literal keywords
 *       (case-insensitive), then each rule's anchored regex only in windows around its keyword
 *       hits. Built-in rules use bounded {@code java.util.regex} patterns written from the issuers'
 *       documented token formats; user rules (tenant custom rules, gitleaks TOML) run on RE2/J,
 *       whose matching time is linear in the input whatever the pattern.
 *   <li>Candidates are dropped when they fail the format's checksum, a minimum entropy, or look
 *       like a placeholder ({@code YOUR_API_KEY}, {@code ${OPENAI_API_KEY}}, {@code <token>},
 *       documentation examples), or when an {@link io.sovereignrouter.gateway.scan.AllowList}
 *       matches their fingerprint or text.
 *   <li>{@link io.sovereignrouter.gateway.scan.Redactor} replaces exactly the finding spans with
 *       {@code [REDACTED:<rule>#<n>]}; text outside findings is never touched.
 *   <li>{@link io.sovereignrouter.gateway.scan.ChatRequestScanner} applies all of this to an OpenAI
 *       chat request and returns a {@link io.sovereignrouter.gateway.scan.ScanVerdict} for the
 *       tenant's {@link io.sovereignrouter.gateway.scan.LeakAction}.
 * </ul>
 *
 * <p>Everything here is synchronous, allocation-light and thread-safe once built; only {@code
 * ChatRequestScanner} knows Vert.x's {@code JsonObject} (the type the gateway carries requests in).
 */
package io.sovereignrouter.gateway.scan;
