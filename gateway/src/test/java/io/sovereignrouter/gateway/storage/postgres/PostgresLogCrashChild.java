package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.attestation.AppendResult;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.MerkleLog;
import io.vertx.core.Vertx;
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
 * A gateway replica's log for {@link PostgresLogCrashIT}: appends to the PostgreSQL log from
 * several threads until killed, printing {@code ACK <index> <base64 entry> .} per acknowledged
 * entry and {@code CP <base64 signed note> .} per new checkpoint, only after the log acknowledged
 * them.
 *
 * <p>Arguments: PostgreSQL port, database, signer key file, run tag.
 */
public final class PostgresLogCrashChild {
  private static final int THREADS = 3;
  private static final int WINDOW = 16;

  private PostgresLogCrashChild() {}

  public static void main(String[] args) throws Exception {
    // The test keeps our stdin open; EOF means it died, and we must not outlive it.
    Thread orphanWatch =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // ignore input
                }
              } catch (java.io.IOException e) {
                // treated as EOF
              }
              Runtime.getRuntime().halt(3);
            },
            "orphan-watch");
    orphanWatch.setDaemon(true);
    orphanWatch.start();
    int port = Integer.parseInt(args[0]);
    String database = args[1];
    Ed25519Signer key = Ed25519Signer.read(Path.of(args[2]));
    String tag = args[3];
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    Vertx vertx = Vertx.vertx();
    PostgresDatabase db =
        PostgresDatabase.open(vertx, EmbeddedPostgresServer.config(port, database)).await();
    MerkleLog log =
        MerkleLog.open(
            PostgresTileStore.create(db, Duration.ofSeconds(30)),
            key,
            new LogConfig(Duration.ofMillis(2), 64, 10_000));
    Set<Long> printed = ConcurrentHashMap.newKeySet();
    synchronized (out) {
      out.println("READY " + log.checkpoint().checkpoint().size() + " .");
      out.flush();
    }
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String prefix = tag + "-t" + t + "-";
      Thread th =
          new Thread(
              () -> {
                long seq = 0;
                while (true) {
                  List<byte[]> entries = new ArrayList<>();
                  List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
                  for (int i = 0; i < WINDOW; i++) {
                    byte[] e = (prefix + seq++).getBytes(StandardCharsets.UTF_8);
                    entries.add(e);
                    futures.add(log.append(e));
                  }
                  for (int i = 0; i < WINDOW; i++) {
                    AppendResult r;
                    try {
                      r = futures.get(i).get();
                    } catch (ExecutionException ex) {
                      continue; // not acknowledged: nothing to print
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
                      out.println(
                          "ACK "
                              + r.index()
                              + " "
                              + Base64.getEncoder().encodeToString(entries.get(i))
                              + " .");
                      out.flush();
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
}
