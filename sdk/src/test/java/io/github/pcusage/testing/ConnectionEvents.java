package io.github.pcusage.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Counts what OkHttp reports: calls started, ended and failed, responses received and their bodies
 * read to the end, connections opened, taken and given back. Install with {@code
 * OkHttpClient.Builder.eventListener(events)}.
 */
public final class ConnectionEvents extends EventListener {
  /** Responses received. */
  public final AtomicInteger responses = new AtomicInteger();

  /** Bodies read to their end (or closed). */
  public final AtomicInteger bodiesClosed = new AtomicInteger();

  /** Connections opened (counted once connected). */
  public final AtomicInteger connectionsOpened = new AtomicInteger();

  /** Connections acquired. */
  public final AtomicInteger acquired = new AtomicInteger();

  /** Connections released. */
  public final AtomicInteger released = new AtomicInteger();

  /** Calls started. */
  public final AtomicInteger callsStarted = new AtomicInteger();

  /** Calls ended successfully. */
  public final AtomicInteger callsEnded = new AtomicInteger();

  /** Calls that failed. */
  public final AtomicInteger callsFailed = new AtomicInteger();

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    responses.incrementAndGet();
  }

  @Override
  public void responseBodyEnd(Call call, long byteCount) {
    bodiesClosed.incrementAndGet();
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    connectionsOpened.incrementAndGet();
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    acquired.incrementAndGet();
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    released.incrementAndGet();
  }

  @Override
  public void callStart(Call call) {
    callsStarted.incrementAndGet();
  }

  @Override
  public void callEnd(Call call) {
    callsEnded.incrementAndGet();
  }

  @Override
  public void callFailed(Call call, IOException ioe) {
    callsFailed.incrementAndGet();
  }

  /**
   * Returns the calls that have ended, well or not.
   *
   * @return ended plus failed
   */
  public int callsFinished() {
    return callsEnded.get() + callsFailed.get();
  }
}
