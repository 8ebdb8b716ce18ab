package io.github.pcusage;

/**
 * A listing could not go on safely: a {@code links.next} pointing to another host, a missing, empty
 * or repeated continuation token, or a continuation from another listing. {@link #continuation()}
 * holds the last good position.
 */
public final class PagingException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public PagingException(PartnerCenterException.Builder details) {
    super(details);
  }
}
