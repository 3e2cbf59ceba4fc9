package io.sovereignrouter.attestation;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The process {@link CrashSafetyTest} kills: appends from several threads forever and prints one
 * line per acknowledged entry ({@code ACK <index> <base64 entry> .}) and per new checkpoint ({@code
 * CP <base64 signed note> .}). A line is only printed after the log acknowledged it.
 *
 * <p>Arguments: log directory, signer key file, run tag, and {@code journaled} to append to a
 * journaled log and also print {@code PROMISE <index> <base64 entry> .} as soon as each index is
 * promised (before it is proven).
 */
public final class CrashChild {
  private static final int THREADS = 4;
  private static final int WINDOW = 16;

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Ed25519Signer key = Ed25519Signer.read(Path.of(args[1]));
    String tag = args[2];
    boolean journaled = args.length > 3 && args[3].equals("journaled");
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    LogConfig config = new LogConfig(Duration.ofMillis(2), 64, 10_000);
    MerkleLog log =
        journaled
            ? MerkleLog.openJournaled(FileTileStore.open(dir), key, config)
            : MerkleLog.open(FileTileStore.open(dir), key, config);
    Set<Long> printed = ConcurrentHashMap.newKeySet();
    synchronized (out) {
      out.println("READY " + log.checkpoint().checkpoint().size() + " .");
      out.flush();
    }
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                long seq = 0;
                while (true) {
                  List<byte[]> entries = new ArrayList<>();
                  List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
                  for (int i = 0; i < WINDOW; i++) {
                    byte[] e = (tag + "-t" + thread + "-" + seq++).getBytes(StandardCharsets.UTF_8);
                    entries.add(e);
                    if (journaled) {
                      MerkleLog.PromisedAppend a = log.appendPromised(e);
                      a.promised().thenAccept(p -> print(out, "PROMISE", p.index(), e));
                      futures.add(a.proven());
                    } else {
                      futures.add(log.append(e));
                    }
                  }
                  for (int i = 0; i < WINDOW; i++) {
                    AppendResult r;
                    try {
                      r = futures.get(i).get();
                    } catch (ExecutionException ex) {
                      continue; // pushback: not acknowledged, nothing to print
                    } catch (InterruptedException ex) {
                      return;
                    }
                    synchronized (out) {
                      if (printed.add(r.checkpoint().checkpoint().size())) {
                        out.println(
                            "CP "
                                + Base64.getEncoder().encodeToString(r.checkpoint().bytes())
                                + " .");
                      }
                      print(out, "ACK", r.index(), entries.get(i));
                    }
                  }
                }
              },
              "appender-" + t);
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join();
    }
  }

  private static void print(PrintStream out, String what, long index, byte[] entry) {
    synchronized (out) {
      out.println(what + " " + index + " " + Base64.getEncoder().encodeToString(entry) + " .");
      out.flush();
    }
  }
}
