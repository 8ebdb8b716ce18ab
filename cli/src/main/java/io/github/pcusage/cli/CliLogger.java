package io.github.pcusage.cli;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that hands everything to {@link CliLog}, which decides per run. */
final class CliLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  CliLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return CliLog.enabled(name, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return CliLog.enabled(name, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return CliLog.enabled(name, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return CliLog.enabled(name, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return CliLog.enabled(name, Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    CliLog.write(
        name, level, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
  }
}
