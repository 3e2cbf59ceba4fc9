package io.sovereignrouter.gateway;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sovereign} command line: the entry point of the launcher script and the container. */
@Command(
    name = "sovereign",
    mixinStandardHelpOptions = true,
    version = "SovereignRouter 0.1.0",
    description = "Self-hosted, OpenAI-compatible compliance gateway for LLM traffic.",
    subcommands = {
      UpCommand.class,
      VerifyCommand.class,
      KeysCommand.class,
      KekCommand.class,
      LogKeyCommand.class,
      io.sovereignrouter.gateway.scan.ScanCommand.class
    })
public final class Main implements Runnable {

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    int status = new CommandLine(new Main()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
