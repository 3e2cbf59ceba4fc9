package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
  @TempDir Path tmp;

  private final Fingerprinter fingerprinter = Fingerprinter.of(new byte[32]);
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-23T12:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private LocalFileKeystore local;

  @BeforeEach
  void setUp() {
    local =
        LocalFileKeystore.open(
            tmp.resolve("ks"), KekRing.of(LocalKek.parse(LocalKek.newEncodedKey())));
  }

  private SecretResolver resolver(Map<String, String> env) {
    return SecretResolver.builder(fingerprinter)
        .localFile(local)
        .env(EnvSecretSource.of(env))
        .ttl(Duration.ofMinutes(1))
        .clock(clock)
        .build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Resolution.Resolved resolved(Resolution r) {
    assertThat(r).isInstanceOf(Resolution.Resolved.class);
    return (Resolution.Resolved) r;
  }

  @Test
  void resolve_namedPrefersLocalThenEnv() {
    local.put("openai-key", utf8("from-file"));
    SecretResolver r = resolver(Map.of("OPENAI_KEY", "from-env", "ANTHROPIC_KEY", "anthropic-env"));

    Resolution.Resolved a = resolved(r.resolve(SecretRef.parse("openai-key")));
    assertThat(a.source()).isEqualTo(SourceKind.LOCAL_FILE);
    assertThat(a.secret().utf8()).isEqualTo("from-file");

    Resolution.Resolved b = resolved(r.resolve(SecretRef.parse("anthropic-key")));
    assertThat(b.source()).isEqualTo(SourceKind.ENV);
    assertThat(b.secret().utf8()).isEqualTo("anthropic-env");
  }

  @Test
  void resolve_namedUnknownListsStagesTried() {
    Resolution r = resolver(Map.of()).resolve(SecretRef.parse("nope"));
    assertThat(r).isInstanceOf(Resolution.Unresolved.class);
    assertThat(((Resolution.Unresolved) r).reason())
        .isEqualTo("not found in local keystore, env NOPE, kms secrets");
  }

  @Test
  void resolve_explicitSchemesUseOnlyTheirSource() {
    local.put("shared", utf8("file-value"));
    SecretResolver r = resolver(Map.of("shared", "env-value", "SHARED", "env-upper"));
    assertThat(resolved(r.resolve(SecretRef.parse("file:shared"))).secret().utf8())
        .isEqualTo("file-value");
    assertThat(resolved(r.resolve(SecretRef.parse("env:shared"))).secret().utf8())
        .isEqualTo("env-value");
    assertThat(r.resolve(SecretRef.parse("file:absent"))).isInstanceOf(Resolution.Unresolved.class);
    assertThat(r.resolve(SecretRef.parse("env:ABSENT"))).isInstanceOf(Resolution.Unresolved.class);
  }

  @Test
  void resolve_kmsRefWithoutDriverFailsLoudly() {
    assertThatThrownBy(() -> resolver(Map.of()).resolve(SecretRef.parse("aws-kms:alias/x#AQID")))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("no aws-kms driver configured");
  }

  @Test
  void resolve_cachesUntilTtlThenReloads() {
    local.put("k", utf8("v1"));
    SecretResolver r = resolver(Map.of());
    SecretRef ref = SecretRef.parse("file:k");
    assertThat(resolved(r.resolve(ref)).secret().utf8()).isEqualTo("v1");

    local.put("k", utf8("v2"));
    now.set(now.get().plusSeconds(59));
    assertThat(resolved(r.resolve(ref)).secret().utf8()).as("cached").isEqualTo("v1");

    now.set(now.get().plusSeconds(1));
    assertThat(resolved(r.resolve(ref)).secret().utf8()).as("expired").isEqualTo("v2");
  }

  @Test
  void purgeExpired_dropsIdleEntries() {
    local.put("k", utf8("v1"));
    SecretResolver r = resolver(Map.of());
    r.resolve(SecretRef.parse("file:k")).toString();
    assertThat(r.cachedCount()).isEqualTo(1);
    assertThat(r.purgeExpired()).isZero();
    now.set(now.get().plusSeconds(61));
    assertThat(r.purgeExpired()).isEqualTo(1);
    assertThat(r.cachedCount()).isZero();
  }

  @Test
  void invalidate_newCallersSeeNewValueInFlightKeepsOld() {
    local.put("byok", utf8("old-key"));
    SecretResolver r = resolver(Map.of());
    SecretRef ref = SecretRef.parse("byok");
    Secret inFlight = resolved(r.resolve(ref)).secret();

    local.put("byok", utf8("new-key"));
    r.invalidate(ref);

    assertThat(resolved(r.resolve(ref)).secret().utf8()).isEqualTo("new-key");
    assertThat(inFlight.utf8()).isEqualTo("old-key");
    assertThat(inFlight.fingerprint()).isEqualTo(fingerprinter.fingerprint(utf8("old-key")));
  }

  @Test
  void resolve_callersGetIndependentCopies() {
    local.put("k", utf8("value"));
    SecretResolver r = resolver(Map.of());
    SecretRef ref = SecretRef.parse("k");
    resolved(r.resolve(ref)).secret().close();
    assertThat(resolved(r.resolve(ref)).secret().utf8()).isEqualTo("value");
  }

  @Test
  void fingerprint_isKeyedPrefix() {
    SecretResolver r = resolver(Map.of("OPENAI_API_KEY", "sk-abc"));
    assertThat(r.fingerprint(SecretRef.parse("env:OPENAI_API_KEY")))
        .contains(fingerprinter.fingerprint(utf8("sk-abc")));
    assertThat(r.fingerprint(SecretRef.parse("env:MISSING"))).isEmpty();
  }

  @Test
  void resolve_noLocalKeystoreConfigured() {
    SecretResolver r = SecretResolver.builder(fingerprinter).build();
    assertThat(r.resolve(SecretRef.parse("file:x"))).isInstanceOf(Resolution.Unresolved.class);
    Resolution.Unresolved u = (Resolution.Unresolved) r.resolve(SecretRef.parse("x"));
    assertThat(u.reason()).isEqualTo("not found in env X, kms secrets");
  }

  @Test
  void invalidate_byokReplacementUnderLoadHasNoFailedRequests() throws Exception {
    local.put("byok", utf8("key-0"));
    SecretResolver r = resolver(Map.of());
    SecretRef ref = SecretRef.parse("byok");
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    java.util.List<Thread> workers = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!done.get()) {
                      // one "request": resolve, use the key for the whole call, then release it
                      try (Secret s = resolved(r.resolve(ref)).secret()) {
                        String first = s.utf8();
                        Thread.onSpinWait();
                        if (!first.startsWith("key-") || !s.utf8().equals(first)) {
                          failures.incrementAndGet();
                        }
                      } catch (RuntimeException | AssertionError e) {
                        failures.incrementAndGet();
                      }
                      requests.incrementAndGet();
                    }
                  }));
    }
    for (int i = 1; i <= 20; i++) {
      local.put("byok", utf8("key-" + i));
      r.invalidate(ref);
      Thread.sleep(5);
    }
    done.set(true);
    for (Thread w : workers) {
      w.join();
    }
    System.out.printf(
        "BYOK replacement x20 under load: %d requests, %d failed%n",
        requests.get(), failures.get());
    assertThat(requests.get()).isGreaterThan(100);
    assertThat(failures.get()).as("failed of " + requests.get() + " requests").isZero();
    assertThat(resolved(r.resolve(ref)).secret().utf8()).isEqualTo("key-20");
  }

  @Test
  void envSecretSource_variableFor() {
    assertThat(EnvSecretSource.variableFor("openai-key.prod")).contains("OPENAI_KEY_PROD");
    assertThat(EnvSecretSource.variableFor("1password")).isEmpty();
  }
}
