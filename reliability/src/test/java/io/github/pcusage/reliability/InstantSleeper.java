package io.github.pcusage.reliability;

import io.github.pcusage.Sleeper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Sleeper} that returns at once and counts the waits the client asked for. */
final class InstantSleeper implements Sleeper {
  private final AtomicLong sleeps = new AtomicLong();
  private final AtomicLong requestedMillis = new AtomicLong();

  @Override
  public void sleep(Duration duration) {
    sleeps.incrementAndGet();
    requestedMillis.addAndGet(duration.toMillis());
  }

  long sleeps() {
    return sleeps.get();
  }

  long requestedMillis() {
    return requestedMillis.get();
  }
}
