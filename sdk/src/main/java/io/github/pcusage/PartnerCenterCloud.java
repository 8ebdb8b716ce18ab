package io.github.pcusage;

import java.util.Locale;
import okhttp3.HttpUrl;

/** The clouds that serve the Partner Center API, with their API roots and token settings. */
public enum PartnerCenterCloud {
  /** The public cloud (also the former German cloud). */
  PUBLIC(
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com/.default",
      "https://login.microsoftonline.com/",
      "the public Partner Center",
      true),
  /**
   * The cloud operated by 21Vianet in China: its own API root, sign-in authority and token scope
   * (its API root's {@code /.default}). It offers neither Azure utilization records nor usage
   * summaries: a client built for it throws {@link OperationNotOfferedException} from {@link
   * PartnerCenterClient#utilizations} and {@link PartnerCenterClient#usageSummary} before sending
   * anything.
   */
  CHINA(
      "https://partner.partnercenterapi.microsoftonline.cn",
      "https://partner.partnercenterapi.microsoftonline.cn/.default",
      "https://login.chinacloudapi.cn/",
      "Partner Center operated by 21Vianet",
      false),
  /**
   * US Government: the public API root and token scope, signed in at the US Government authority
   * ({@code https://login.microsoftonline.us/}).
   */
  US_GOVERNMENT(
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com/.default",
      "https://login.microsoftonline.us/",
      "Partner Center for US Government",
      true);

  private final String apiRoot;
  private final String tokenScope;
  private final String authorityHost;
  private final String displayName;
  private final boolean offersUsage;

  PartnerCenterCloud(
      String apiRoot,
      String tokenScope,
      String authorityHost,
      String displayName,
      boolean offersUsage) {
    this.apiRoot = apiRoot;
    this.tokenScope = tokenScope;
    this.authorityHost = authorityHost;
    this.displayName = displayName;
    this.offersUsage = offersUsage;
  }

  /**
   * Returns the API root, without {@code /v1}.
   *
   * @return for example {@code https://api.partnercenter.microsoft.com}
   */
  public String apiRoot() {
    return apiRoot;
  }

  /**
   * Returns the Entra ID scope to ask a token for.
   *
   * @return the scope, ending in {@code /.default}
   */
  public String tokenScope() {
    return tokenScope;
  }

  /**
   * Returns the Entra ID authority host of this cloud.
   *
   * @return the authority host URL, ending in {@code /}
   */
  public String authorityHost() {
    return authorityHost;
  }

  String displayName() {
    return displayName;
  }

  /**
   * Returns the cloud whose API root has {@code apiRoot}'s host and that does not offer the usage
   * operations, or {@code null} (the clouds that offer them share the public API root).
   */
  static PartnerCenterCloud withoutUsageAt(HttpUrl apiRoot) {
    String host = apiRoot.host().toLowerCase(Locale.ROOT);
    for (PartnerCenterCloud cloud : values()) {
      if (!cloud.offersUsage && HttpUrl.get(cloud.apiRoot).host().equals(host)) {
        return cloud;
      }
    }
    return null;
  }
}
