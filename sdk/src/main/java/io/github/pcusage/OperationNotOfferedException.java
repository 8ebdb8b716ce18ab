package io.github.pcusage;

/**
 * The cloud the client is built for does not offer the operation called: Partner Center operated by
 * 21Vianet ({@link PartnerCenterCloud#CHINA}) has neither Azure utilization records nor usage
 * summaries. Thrown before any request is sent; its message names the cloud and the operation. An
 * {@link IllegalStateException}, not a {@link PartnerCenterException}: no call was made.
 */
public final class OperationNotOfferedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is not offered, and where
   */
  public OperationNotOfferedException(String message) {
    super(message);
  }
}
