package io.github.pcusage.cli;

import java.io.ByteArrayOutputStream;

/**
 * The reusable buffer one page is encoded into. {@link #array()} exposes its backing array, valid
 * up to {@link #size()} until the next {@link #reset()}, so a page is handed to the sink without
 * being copied.
 */
final class PageBuffer extends ByteArrayOutputStream {
  PageBuffer() {
    super(1 << 16);
  }

  /** Returns the backing array; only the first {@link #size()} bytes are the page. */
  byte[] array() {
    return buf;
  }
}
