package io.github.pcusage.internal.http;

import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;

/**
 * Lets another thread stop a call that {@link CallEngine} runs: the attempt in flight is cancelled
 * (its socket closed) and no further attempt starts.
 */
public final class Cancellation {
  /** A cancellation that never fires. */
  public static final Cancellation NONE = new Cancellation();

  private final AtomicReference<Call> current = new AtomicReference<>();
  private volatile boolean cancelled;

  /** Stops the call: cancels its attempt in flight and refuses further attempts. Idempotent. */
  public void cancel() {
    if (this == NONE) {
      return;
    }
    cancelled = true;
    Call call = current.get();
    if (call != null) {
      call.cancel();
    }
  }

  /**
   * Returns whether {@link #cancel()} was called.
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }

  void attach(Call call) {
    if (this == NONE) {
      return;
    }
    current.set(call);
    if (cancelled) {
      call.cancel();
    }
  }
}
