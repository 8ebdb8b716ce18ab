package io.github.pcusage;

import io.github.pcusage.internal.http.Cancellation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * One page fetched ahead on the prefetch executor. {@link #await()} hands it over (or its failure);
 * {@link #cancel()} stops it: the request in flight is cancelled, a retry wait interrupted, and a
 * page that arrives anyway gives its memory back.
 */
final class Prefetch<T> {
  private final Cancellation cancellation = new Cancellation();
  private final FutureTask<Page<T>> task;

  Prefetch(ResourcePager<T> pager, Continuation position, boolean keepRaw, Executor executor) {
    this.task =
        new FutureTask<>(
            () -> {
              Page<T> page = pager.fetch(position, cancellation, keepRaw);
              if (cancellation.isCancelled()) {
                page.release();
              }
              return page;
            });
    executor.execute(task);
  }

  Page<T> await() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (CancellationException e) {
      throw new IllegalStateException("the prefetch of the next page was cancelled", e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void cancel() {
    cancellation.cancel();
    task.cancel(true);
  }
}
