package io.github.pcusage.cli;

import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.OperationNotOfferedException;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.UnauthorizedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The one place that turns a failure into an exit code and the line(s) to print. */
public final class Failures {
  private Failures() {}

  static int exitCode(Throwable e) {
    if (e instanceof CliException) {
      return ((CliException) e).exitCode();
    }
    if (e instanceof DataNotReadyException) {
      return ExitCode.NOT_READY;
    }
    if (e instanceof UnauthorizedException || e instanceof ForbiddenException) {
      return ExitCode.AUTH;
    }
    if (e instanceof PartnerCenterException) {
      return ExitCode.API;
    }
    if (e instanceof IllegalArgumentException || e instanceof OperationNotOfferedException) {
      return ExitCode.USAGE;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return ExitCode.LOCAL_FILE;
    }
    return ExitCode.INTERNAL;
  }

  /**
   * Returns the message to print. The SDK's messages already hold the operation, the HTTP status,
   * Partner Center's code and description, the usual causes of a 404 for that operation, and the
   * MS-RequestId/MS-CorrelationId: one line says it all, no hint repeats it.
   */
  /**
   * Returns the message to print.
   *
   * @param e the failure
   * @return one line
   */
  public static String message(Throwable e) {
    return message(e, List.of());
  }

  /**
   * Returns the message to print for a failure of the command line {@code args}: the advice for
   * data that is not ready mentions {@code --no-wait} only when it was given.
   */
  static String message(Throwable e, List<String> args) {
    if (e instanceof IllegalArgumentException) {
      return optionNames(e.getMessage());
    }
    if (e instanceof DataNotReadyException) {
      return e.getMessage()
          + (args.contains("--no-wait")
              ? ". Try again later, or without --no-wait to wait for it"
              : ". Try again later");
    }
    if (e instanceof CliException || e instanceof PartnerCenterException) {
      return e.getMessage();
    }
    if (e instanceof OperationNotOfferedException) {
      return e.getMessage(); // the cloud (--cloud china) does not offer the operation
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return "local file error: " + e;
    }
    return "internal error: " + e + " (please report it; --verbose shows the stack trace)";
  }

  /**
   * Replaces the SDK's field names at the start of a message with the CLI's option names.
   *
   * @param message the SDK's message
   * @return the message for the command line
   */
  public static String optionNames(String message) {
    if (message == null) {
      return "invalid argument";
    }
    String[][] names = {
      {"customerId", "--customer"},
      {"subscriptionId", "--subscription"},
      {"baseUrl", "--base-url"},
      {"pageSize", "--page-size"},
      {"startTime", "--start"},
      {"endTime", "--end"},
      {"token", "--token-env"},
    };
    for (String[] name : names) {
      if (message.startsWith(name[0] + " ") || message.startsWith(name[0] + ":")) {
        return name[1] + message.substring(name[0].length());
      }
    }
    return message;
  }
}
