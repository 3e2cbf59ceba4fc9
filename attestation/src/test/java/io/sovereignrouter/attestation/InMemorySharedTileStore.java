package io.sovereignrouter.attestation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link SharedTileStore} in memory, for tests: every view made by {@link #view()} plays one
 * process sharing the same storage. Commits can be made to fail at random, before or after the
 * writes land (the ambiguous case), to exercise the log's recovery.
 */
final class InMemorySharedTileStore {
  private final ReentrantLock integrator = new ReentrantLock();
  private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
  private volatile byte[] checkpoint;
  private final Random random;
  private final double failureRate;
  private int failures;

  InMemorySharedTileStore(long seed, double failureRate) {
    this.random = new Random(seed);
    this.failureRate = failureRate;
  }

  /** Commits that were made to fail (before or after landing). */
  int failures() {
    integrator.lock();
    try {
      return failures;
    } finally {
      integrator.unlock();
    }
  }

  SharedTileStore view() {
    return new SharedTileStore() {
      @Override
      public <T> T integrate(Function<Integration, T> integration) {
        integrator.lock();
        try {
          Map<String, byte[]> staged = new LinkedHashMap<>();
          byte[][] cp = {null};
          byte[] current = checkpoint;
          T result =
              integration.apply(
                  new Integration() {
                    @Override
                    public Optional<byte[]> checkpoint() {
                      return Optional.ofNullable(current).map(byte[]::clone);
                    }

                    @Override
                    public void write(TilePath path, byte[] data) {
                      staged.put(path.format(), data.clone());
                    }

                    @Override
                    public void writeCheckpoint(byte[] signedNote) {
                      cp[0] = signedNote.clone();
                    }
                  });
          boolean fail = random.nextDouble() < failureRate;
          boolean land = !fail || random.nextBoolean();
          if (land) {
            resources.putAll(staged);
            if (cp[0] != null) {
              checkpoint = cp[0];
            }
          }
          if (fail) {
            failures++;
            throw new LogStorageException("injected commit failure (landed: " + land + ")");
          }
          return result;
        } finally {
          integrator.unlock();
        }
      }

      @Override
      public Optional<byte[]> read(TilePath path) {
        return Optional.ofNullable(resources.get(path.format())).map(byte[]::clone);
      }

      @Override
      public void write(TilePath path, byte[] data) {
        throw new LogStorageException("shared store: write through integrate");
      }

      @Override
      public void sync() {}

      @Override
      public Optional<byte[]> readCheckpoint() {
        return Optional.ofNullable(checkpoint).map(byte[]::clone);
      }

      @Override
      public void writeCheckpoint(byte[] signedNote) {
        throw new LogStorageException("shared store: write through integrate");
      }

      @Override
      public void discardBeyond(long treeSize) {}

      @Override
      public void close() {}
    };
  }
}
