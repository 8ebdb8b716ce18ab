package io.github.pcusage.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server of a sandbox: the JDK's {@code HttpServer} on 127.0.0.1, serving one handler from
 * a bounded pool of daemon threads.
 */
final class SandboxServer {
  static {
    // The JDK server flushes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every answer. The JDK reads this property once,
    // when its first HttpServer is created, so it is set here unless the application chose.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private SandboxServer(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code handler} on 127.0.0.1:{@code port} (0: a free port) with up to {@code
   * threads} threads.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  static SandboxServer start(int port, int threads, HttpHandler handler) {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
    executor.allowCoreThreadTimeOut(true);
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    return new SandboxServer(server, executor);
  }

  /** Returns the port the server listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server at once and frees its threads. */
  void stop() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "pcusage-sandbox-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
