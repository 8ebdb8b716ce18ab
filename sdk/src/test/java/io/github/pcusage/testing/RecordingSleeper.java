package io.github.pcusage.testing;

import io.github.pcusage.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records every wait it is asked for and returns at once. Thread-safe. */
public final class RecordingSleeper implements Sleeper {
  /** Every wait asked for, in order. */
  public final List<Duration> delays = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    delays.add(duration);
  }
}
