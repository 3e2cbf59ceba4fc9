package io.sovereignrouter.gateway.routing;

/** What the client has received so far, as the fallback walk needs to know it. */
public interface ClientProgress {
  /** For non-streaming calls: nothing reaches the client before the walk ends. */
  ClientProgress NONE =
      new ClientProgress() {
        @Override
        public boolean committed() {
          return false;
        }

        @Override
        public long firstByteNanos() {
          return 0;
        }
      };

  /** Whether bytes already reached the client (no switch after that). */
  boolean committed();

  /** {@link System#nanoTime()} of the first byte sent, when {@link #committed()}. */
  long firstByteNanos();
}
