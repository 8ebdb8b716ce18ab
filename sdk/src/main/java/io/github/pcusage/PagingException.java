package io.github.pcusage;

/**
 * A listing could not go on safely: a {@code links.next} pointing to another host, a missing, empty
 * or repeated continuation token, or a continuation from another listing. {@link #continuation()}
 * holds the last good position.
 */
public final class PagingException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  PagingException(Failure failure) {
    super(failure);
  }
}
