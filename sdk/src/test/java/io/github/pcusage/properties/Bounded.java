package io.github.pcusage.properties;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one case under a time limit, so a hang fails the property instead of the build, and hands
 * back what it threw (an {@link Error} included) for the property to judge.
 */
final class Bounded {
  private static final ExecutorService RUNNER =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "property-case");
            thread.setDaemon(true);
            return thread;
          });

  private Bounded() {}

  /** What a case did: returned a value or threw. */
  static final class Outcome<T> {
    private final T value;
    private final Throwable thrown;

    Outcome(T value, Throwable thrown) {
      this.value = value;
      this.thrown = thrown;
    }

    T value() {
      return value;
    }

    Throwable thrown() {
      return thrown;
    }

    boolean ok() {
      return thrown == null;
    }
  }

  static <T> Outcome<T> run(Callable<T> body, long seconds) {
    Future<T> future = RUNNER.submit(body);
    try {
      return new Outcome<>(future.get(seconds, TimeUnit.SECONDS), null);
    } catch (ExecutionException e) {
      return new Outcome<>(null, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError("the case did not finish within " + seconds + " s: a hang");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
