package io.github.pcusage.testing;

import io.github.pcusage.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that records every wait it is asked for and returns at once. Thread-safe; a
 * wait costs one list append, so a long soak can use it too.
 */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    delays.add(duration);
  }

  /**
   * Returns every wait asked for so far, in order.
   *
   * @return a copy
   */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /**
   * Returns how many waits were asked for so far.
   *
   * @return the count
   */
  public synchronized int count() {
    return delays.size();
  }
}
