package io.sovereignrouter.keystore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The KEKs a keystore knows: {@code current} wraps new data keys; {@code previous} still unwrap
 * data keys written before a rotation, until the rotation completes and they are retired.
 *
 * @param current the KEK for new writes
 * @param previous older KEKs, newest first
 */
public record KekRing(Kek current, List<Kek> previous) {
  /**
   * Validates and copies.
   *
   * @throws KeystoreException if two KEKs share an id
   */
  public KekRing {
    previous = List.copyOf(previous);
    Set<String> ids = new HashSet<>();
    ids.add(current.id());
    for (Kek k : previous) {
      if (!ids.add(k.id())) {
        throw new KeystoreException("kek ring: duplicate kek id " + k.id());
      }
    }
  }

  /**
   * A ring with a single KEK.
   *
   * @param current the KEK
   * @return the ring
   */
  public static KekRing of(Kek current) {
    return new KekRing(current, List.of());
  }

  /**
   * The KEK with the given id.
   *
   * @param id a {@link Kek#id()}
   * @return the KEK, or empty when this ring does not hold it
   */
  public Optional<Kek> find(String id) {
    if (current.id().equals(id)) {
      return Optional.of(current);
    }
    return previous.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /**
   * A ring whose current KEK is {@code next}; the old current joins {@code previous}.
   *
   * @param next the new KEK
   * @return the new ring (this ring if {@code next} is already current)
   */
  public KekRing rotateTo(Kek next) {
    if (next.id().equals(current.id())) {
      return this;
    }
    List<Kek> older = new ArrayList<>();
    older.add(current);
    previous.stream().filter(k -> !k.id().equals(next.id())).forEach(older::add);
    return new KekRing(next, older);
  }

  /**
   * A ring that also unwraps with {@code older}, keeping the current KEK.
   *
   * @param older a KEK found after the ring was built (e.g. through a {@link KekManifest})
   * @return the new ring (this ring if it already holds that id)
   */
  public KekRing withPrevious(Kek older) {
    if (find(older.id()).isPresent()) {
      return this;
    }
    List<Kek> all = new ArrayList<>(previous);
    all.add(older);
    return new KekRing(current, all);
  }

  /**
   * A ring without the previous KEK {@code id}.
   *
   * @param id the id to drop
   * @return the new ring
   * @throws KeystoreException if {@code id} is the current KEK
   */
  public KekRing without(String id) {
    if (current.id().equals(id)) {
      throw new KeystoreException("kek ring: cannot retire the current kek " + id);
    }
    return new KekRing(current, previous.stream().filter(k -> !k.id().equals(id)).toList());
  }
}
