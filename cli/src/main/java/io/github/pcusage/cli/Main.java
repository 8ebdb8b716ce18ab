package io.github.pcusage.cli;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.cli.estimate.CustomersCommand;
import io.github.pcusage.cli.estimate.EstimateCommand;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of {@code pcusage}. {@link #main} and the tests both go through {@link #run},
 * which returns the exit code instead of exiting.
 */
public final class Main {
  private Main() {}

  /**
   * Runs {@code pcusage} and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> ResumeHint.printPending(System.err), "pcusage-resume-hint"));
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs {@code pcusage} with the process environment.
   *
   * @param args the command line, without the program name
   * @param out where records and results go
   * @param err where errors, hints, verbose output and the progress bar go
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs {@code pcusage} with the given environment (tokens and secrets are read from it).
   *
   * @param args the command line, without the program name
   * @param out where records and results go
   * @param err where errors, hints, verbose output and the progress bar go
   * @param env the environment variables
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    RunContext ctx = new RunContext(out, err, env, Arrays.asList(args));
    try {
      return commandLine(ctx).execute(args);
    } finally {
      CliLog.reset();
      ResumeHint.clear();
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine(RunContext ctx) {
    CommandLine cl = new CommandLine(new Pcusage(ctx));
    cl.addSubcommand(new UtilizationCommand(ctx));
    cl.addSubcommand(new UsageSummaryCommand(ctx));
    cl.addSubcommand(new ExportCommand(ctx));
    cl.addSubcommand(new CustomersCommand(ctx));
    cl.addSubcommand(new EstimateCommand(ctx));
    cl.addSubcommand(SandboxCommand.spec(ctx));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(new OutputStreamWriter(ctx.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(ctx.err, StandardCharsets.UTF_8), true));
    cl.setParameterExceptionHandler(
        (e, args) -> {
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          String message =
              e instanceof UnmatchedArgumentException
                  ? unmatched((UnmatchedArgumentException) e)
                  : String.valueOf(e.getMessage()).replace('\n', ' ').replace('\r', ' ').trim();
          ctx.err.println(command + ": " + message + " (see '" + command + " --help')");
          ctx.err.flush();
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          ctx.error(Failures.message(e, ctx.args));
          int code = Failures.exitCode(e);
          if (code == ExitCode.INTERNAL
              && (ctx.args.contains("--verbose") || ctx.args.contains("-v"))) {
            e.printStackTrace(ctx.err);
          }
          return code;
        });
    return cl;
  }

  /**
   * Describes unknown arguments by their option names only: a value typed after an unknown option
   * (say {@code --client-secret=...} or {@code --token ...}) may be a secret, and is never
   * repeated. A word in the place of the command is shown (it names a command that does not exist).
   */
  static String unmatched(UnmatchedArgumentException e) {
    List<String> options = new ArrayList<>();
    int values = 0;
    boolean hidden = false;
    boolean top = e.getCommandLine().getParent() == null;
    for (String arg : e.getUnmatched()) {
      if (arg.startsWith("-")) {
        int eq = arg.indexOf('=');
        hidden |= eq >= 0;
        options.add("'" + (eq < 0 ? arg : arg.substring(0, eq)) + "'");
      } else if (top && options.isEmpty() && values == 0) {
        return "Unknown command: '"
            + arg
            + "': expected utilization, usage-summary, export, customers, estimate or sandbox";
      } else {
        values++;
      }
    }
    StringBuilder message = new StringBuilder();
    if (!options.isEmpty()) {
      message
          .append(options.size() == 1 ? "Unknown option: " : "Unknown options: ")
          .append(String.join(", ", options));
    }
    if (values > 0) {
      message
          .append(message.length() == 0 ? "Unexpected " : ", and unexpected ")
          .append(values == 1 ? "argument" : values + " arguments");
    }
    if (hidden || values > 0) {
      message.append(" (values are not repeated: one may be a secret)");
    }
    return message.toString();
  }

  /** The top command: only subcommands. */
  @Command(
      name = "pcusage",
      mixinStandardHelpOptions = true,
      versionProvider = Pcusage.Version.class,
      description = {
        "Export Microsoft Partner Center Azure utilization records and usage summaries.",
        "Try it offline: pcusage utilization --sandbox --customer <id> --subscription <id> --start 2026-10-01 --end 2026-11-01",
        "(pcusage sandbox prints ids to use).",
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:ok",
        "2:usage error (bad option, value or input file; one line names it)",
        "3:data not ready yet (HTTP 204; at once with --no-wait)",
        "4:authentication or authorization failed (401, 403, no token)",
        "5:API or network failure after retries, paging failure; export: complete but for its failed targets",
        "6:local file error (output, checkpoint)",
        "7:export or estimate incomplete but resumable: some targets unfinished (--resume continues them)",
        "8:estimate complete but some lines could not be priced (unless --allow-unpriced)",
        "1:internal error (a bug)",
      },
      footerHeading = "%nAuthentication (no secret is ever an option value):%n",
      footer = {
        "  token in an environment variable: PARTNER_CENTER_TOKEN (or --token-env VAR)",
        "  app-only: --tenant T --client-id ID with AZURE_CLIENT_SECRET, or --certificate FILE",
        "  app+user (usage-summary needs it): --device-code [--tenant T --client-id ID], or --azure-cli",
        "  --cloud public|china picks the API root, authority and token scope.",
      })
  static final class Pcusage implements Callable<Integer> {
    private final RunContext ctx;

    Pcusage(RunContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      ctx.err.println(
          "pcusage: a command is required: utilization, usage-summary, export, customers, estimate or sandbox (see 'pcusage --help')");
      return ExitCode.USAGE;
    }

    /** Prints the version of the CLI and its SDK. */
    static final class Version implements IVersionProvider {
      @Override
      public String[] getVersion() {
        return new String[] {"pcusage " + PartnerCenterClient.VERSION};
      }
    }
  }
}
