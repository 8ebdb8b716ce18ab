package io.github.pcusage.cli;

import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.sandbox.SandboxMain;
import io.github.pcusage.sandbox.SandboxOption;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code pcusage sandbox}: runs the Partner Center sandbox until interrupted. */
@Command(
    name = "sandbox",
    sortOptions = false,
    description = {
      "Run the Partner Center sandbox (a fake API on 127.0.0.1 with seeded data) until interrupted.",
      "Prints its base URL and ids to try; point the other commands at it with --base-url.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:usage error", "6:the port cannot be bound"})
final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final RunContext ctx;

  private SandboxCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Returns the command, with the options {@link SandboxOption#shared()} declares (the same as
   * {@code SandboxMain}'s), each showing its default.
   */
  static CommandSpec spec(RunContext ctx) {
    CommandSpec spec = CommandSpec.forAnnotatedObject(new SandboxCommand(ctx));
    for (SandboxOption option : SandboxOption.shared()) {
      spec.addOption(
          OptionSpec.builder(option.optionName())
              .paramLabel(option.paramLabel())
              .type(option.type())
              .defaultValue(option.defaultValue())
              .description(option.description() + " (default: ${DEFAULT-VALUE}).")
              .build());
    }
    return spec.mixinStandardHelpOptions(true);
  }

  @Override
  public Integer call() {
    Sandbox.Builder builder = Sandbox.builder();
    for (SandboxOption option : SandboxOption.shared()) {
      try {
        option.apply(builder, spec.findOption(option.optionName()).getValue());
      } catch (IllegalArgumentException e) {
        throw CliException.usage(e.getMessage());
      }
    }
    Sandbox sandbox;
    try {
      sandbox = builder.start();
    } catch (UncheckedIOException e) {
      throw CliException.file("--port: " + e.getMessage(), e);
    }
    try {
      SandboxMain.describe(sandbox, ctx.out);
      String customer = sandbox.customerIds().get(0);
      ctx.out.println(
          "try: PARTNER_CENTER_TOKEN=any "
              + System.getProperty(ResumeCommand.LAUNCHER_PROPERTY, "pcusage")
              + " utilization --base-url "
              + sandbox.baseUrl()
              + " --customer "
              + customer
              + " --subscription "
              + sandbox.subscriptionIds(customer).get(0)
              + " --start 2026-10-01 --end 2026-11-01");
      ctx.out.println("running until interrupted (Ctrl-C)");
      ctx.out.flush();
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // stopped: the normal end of this command
    } finally {
      sandbox.close();
    }
    return ExitCode.OK;
  }
}
