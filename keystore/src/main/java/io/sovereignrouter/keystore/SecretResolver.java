package io.sovereignrouter.keystore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@link SecretRef}s: {@code file:} from the local keystore, {@code env:} from the
 * environment, {@code aws-kms:}/{@code gcp-kms:} through the matching {@link KmsDriver}, and bare
 * names through LocalFile → Env → KMS (named KMS ciphertexts), first hit wins.
 *
 * <p>Plaintext is cached in memory only, for at most the TTL; expired or invalidated entries are
 * zeroed. Every caller gets its own {@link Secret} copy, so invalidation (BYOK replacement) never
 * disturbs a request that already holds the old value. Thread-safe; spawns no threads: call {@link
 * #purgeExpired()} periodically to zero idle entries.
 */
public final class SecretResolver {
  private final Fingerprinter fingerprinter;
  private final Optional<LocalFileKeystore> local;
  private final EnvSecretSource env;
  private final ConcurrentHashMap<String, KmsRef> kmsSecrets;
  private final Map<String, KmsDriver> drivers;
  private final Duration ttl;
  private final InstantSource clock;
  private final ConcurrentHashMap<SecretRef, Cached> cache = new ConcurrentHashMap<>();

  private SecretResolver(Builder b) {
    this.fingerprinter = b.fingerprinter;
    this.local = Optional.ofNullable(b.local);
    this.env = b.env;
    this.kmsSecrets = new ConcurrentHashMap<>(b.kmsSecrets);
    this.drivers = Map.copyOf(b.drivers);
    this.ttl = b.ttl;
    this.clock = b.clock;
  }

  /**
   * Starts a resolver configuration.
   *
   * @param fingerprinter computes the fingerprints attached to resolved secrets
   * @return the builder
   */
  public static Builder builder(Fingerprinter fingerprinter) {
    return new Builder(fingerprinter);
  }

  /**
   * The fingerprinter in use.
   *
   * @return the fingerprinter
   */
  public Fingerprinter fingerprinter() {
    return fingerprinter;
  }

  /**
   * Resolves a reference, from the cache when fresh.
   *
   * @param ref the reference
   * @return the secret (the caller's own copy) or why it was not found
   * @throws KeystoreException if a stage has the secret but cannot produce it (I/O, KMS, tamper)
   */
  public Resolution resolve(SecretRef ref) {
    Instant now = clock.instant();
    Cached hit = cache.get(ref);
    if (hit != null) {
      Optional<Secret> copy = hit.copyIfFresh(now);
      if (copy.isPresent()) {
        return new Resolution.Resolved(copy.get(), hit.source);
      }
      cache.remove(ref, hit);
      hit.close();
    }
    Resolution fresh = load(ref);
    if (fresh instanceof Resolution.Resolved r) {
      Cached c = new Cached(r.secret().copy(), r.source(), now.plus(ttl));
      Cached old = cache.put(ref, c);
      if (old != null) {
        old.close();
      }
    }
    return fresh;
  }

  /**
   * The fingerprint of the secret a reference names.
   *
   * @param ref the reference
   * @return the fingerprint, or empty when unresolved
   */
  public Optional<Fingerprint> fingerprint(SecretRef ref) {
    return switch (resolve(ref)) {
      case Resolution.Resolved r -> {
        try (Secret s = r.secret()) {
          yield Optional.of(s.fingerprint());
        }
      }
      case Resolution.Unresolved u -> Optional.empty();
    };
  }

  /**
   * Registers or replaces the KMS ciphertext behind a bare name (BYOK without restart) and drops
   * its cached plaintext; requests already holding the old value finish with it.
   *
   * @param name the bare name
   * @param ref the ciphertext reference
   */
  public void putKmsSecret(String name, KmsRef ref) {
    NamedRef n = new NamedRef(name);
    kmsSecrets.put(n.name(), ref);
    invalidate(n);
  }

  /**
   * Removes the KMS ciphertext behind a bare name and drops its cached plaintext.
   *
   * @param name the bare name
   * @return true if it was registered
   */
  public boolean removeKmsSecret(String name) {
    NamedRef n = new NamedRef(name);
    boolean existed = kmsSecrets.remove(n.name()) != null;
    invalidate(n);
    return existed;
  }

  /**
   * Drops and zeroes the cached value of one reference (after a BYOK replacement).
   *
   * @param ref the reference
   */
  public void invalidate(SecretRef ref) {
    Cached c = cache.remove(ref);
    if (c != null) {
      c.close();
    }
  }

  /** Drops and zeroes every cached value (after a KEK rotation or fingerprint-key rotation). */
  public void invalidateAll() {
    for (SecretRef ref : List.copyOf(cache.keySet())) {
      invalidate(ref);
    }
  }

  /**
   * Zeroes and drops entries older than the TTL.
   *
   * @return how many were dropped
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    int n = 0;
    for (Map.Entry<SecretRef, Cached> e : List.copyOf(cache.entrySet())) {
      if (!e.getValue().freshAt(now) && cache.remove(e.getKey(), e.getValue())) {
        e.getValue().close();
        n++;
      }
    }
    return n;
  }

  /**
   * Number of cached plaintexts (for metrics).
   *
   * @return the count
   */
  public int cachedCount() {
    return cache.size();
  }

  private Resolution load(SecretRef ref) {
    return switch (ref) {
      case FileRef f -> {
        if (local.isEmpty()) {
          yield new Resolution.Unresolved(ref, "no local keystore configured");
        }
        yield found(local.get().lookup(f.name()), SourceKind.LOCAL_FILE)
            .orElseGet(() -> new Resolution.Unresolved(ref, "no local keystore entry"));
      }
      case EnvRef e ->
          found(env.lookup(e.name()), SourceKind.ENV)
              .orElseGet(() -> new Resolution.Unresolved(ref, "environment variable not set"));
      case KmsRef k -> found(Optional.of(decrypt(k)), SourceKind.KMS).orElseThrow();
      case NamedRef n -> chain(n);
    };
  }

  // DESIGN.md §1 stage 5: LocalFile → Env → KMS, first hit wins
  private Resolution chain(NamedRef n) {
    List<String> tried = new ArrayList<>();
    if (local.isPresent()) {
      tried.add("local keystore");
      Optional<Resolution> r = found(local.get().lookup(n.name()), SourceKind.LOCAL_FILE);
      if (r.isPresent()) {
        return r.get();
      }
    }
    Optional<String> variable = EnvSecretSource.variableFor(n.name());
    if (variable.isPresent()) {
      tried.add("env " + variable.get());
      Optional<Resolution> r = found(env.lookup(variable.get()), SourceKind.ENV);
      if (r.isPresent()) {
        return r.get();
      }
    }
    KmsRef k = kmsSecrets.get(n.name());
    tried.add("kms secrets");
    if (k != null) {
      return found(Optional.of(decrypt(k)), SourceKind.KMS).orElseThrow();
    }
    return new Resolution.Unresolved(n, "not found in " + String.join(", ", tried));
  }

  private byte[] decrypt(KmsRef k) {
    String scheme =
        switch (k) {
          case AwsKmsRef a -> "aws-kms";
          case GcpKmsRef g -> "gcp-kms";
        };
    KmsDriver d = drivers.get(scheme);
    if (d == null) {
      throw new KmsException("no " + scheme + " driver configured for key " + k.keyId());
    }
    return d.decrypt(k.keyId(), k.ciphertext().bytes(), new byte[0]);
  }

  private Optional<Resolution> found(Optional<byte[]> value, SourceKind source) {
    return value.map(
        v -> new Resolution.Resolved(Secret.adopt(v, fingerprinter.fingerprint(v)), source));
  }

  /** A cached plaintext; copy and close synchronise so a copy never sees zeroed bytes. */
  private static final class Cached {
    private final Secret secret;
    private final SourceKind source;
    private final Instant expiresAt;

    Cached(Secret secret, SourceKind source, Instant expiresAt) {
      this.secret = secret;
      this.source = source;
      this.expiresAt = expiresAt;
    }

    boolean freshAt(Instant now) {
      return now.isBefore(expiresAt);
    }

    synchronized Optional<Secret> copyIfFresh(Instant now) {
      return freshAt(now) && !secret.isClosed() ? Optional.of(secret.copy()) : Optional.empty();
    }

    synchronized void close() {
      secret.close();
    }
  }

  /** Configuration of a {@link SecretResolver}; every stage is optional. */
  public static final class Builder {
    private final Fingerprinter fingerprinter;
    private LocalFileKeystore local;
    private EnvSecretSource env = EnvSecretSource.of(Map.of());
    private final Map<String, KmsRef> kmsSecrets = new HashMap<>();
    private final Map<String, KmsDriver> drivers = new HashMap<>();
    private Duration ttl = Duration.ofMinutes(5);
    private InstantSource clock = InstantSource.system();

    private Builder(Fingerprinter fingerprinter) {
      this.fingerprinter = fingerprinter;
    }

    /**
     * Sets the LocalFile stage.
     *
     * @param keystore the keystore
     * @return this builder
     */
    public Builder localFile(LocalFileKeystore keystore) {
      this.local = keystore;
      return this;
    }

    /**
     * Sets the Env stage (default: an empty environment).
     *
     * @param source the source, e.g. {@link EnvSecretSource#system()}
     * @return this builder
     */
    public Builder env(EnvSecretSource source) {
      this.env = source;
      return this;
    }

    /**
     * Adds a KMS driver for {@code aws-kms:}/{@code gcp-kms:} references.
     *
     * @param driver the driver; its {@link KmsDriver#scheme()} selects the references it serves
     * @return this builder
     */
    public Builder kms(KmsDriver driver) {
      drivers.put(driver.scheme(), driver);
      return this;
    }

    /**
     * Names a KMS ciphertext, the KMS stage of bare-name resolution (BYOK: a tenant hands over a
     * blob only its KMS key opens).
     *
     * @param name the bare name
     * @param ref the ciphertext reference
     * @return this builder
     */
    public Builder kmsSecret(String name, KmsRef ref) {
      kmsSecrets.put(new NamedRef(name).name(), ref);
      return this;
    }

    /**
     * Sets how long plaintext stays cached (default 5 minutes).
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new KeystoreException("cache ttl: expected a positive duration, got " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets the clock (tests).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the resolver.
     *
     * @return the resolver
     */
    public SecretResolver build() {
      return new SecretResolver(this);
    }
  }
}
