package io.github.pcusage.reliability;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/** Counts what OkHttp reports: calls started and ended, connections acquired and released. */
final class ConnectionEvents extends EventListener {
  final AtomicLong callsStarted = new AtomicLong();
  final AtomicLong callsEnded = new AtomicLong();
  final AtomicLong callsFailed = new AtomicLong();
  final AtomicLong acquired = new AtomicLong();
  final AtomicLong released = new AtomicLong();
  final AtomicLong connectionsOpened = new AtomicLong();

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

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    acquired.incrementAndGet();
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    released.incrementAndGet();
  }

  @Override
  public void connectEnd(
      Call call,
      java.net.InetSocketAddress address,
      java.net.Proxy proxy,
      okhttp3.Protocol protocol) {
    connectionsOpened.incrementAndGet();
  }
}
