package io.github.pcusage;

/** The clouds that serve the Partner Center API, with their API roots and token settings. */
public enum PartnerCenterCloud {
  /** The public cloud, also used for US Government and the former German cloud. */
  PUBLIC(
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com/.default",
      "https://login.microsoftonline.com/"),
  /** The cloud operated by 21Vianet in China. */
  CHINA(
      "https://partner.partnercenterapi.microsoftonline.cn",
      "https://api.partnercenter.microsoft.com/.default",
      "https://login.chinacloudapi.cn/");

  private final String apiRoot;
  private final String tokenScope;
  private final String authorityHost;

  PartnerCenterCloud(String apiRoot, String tokenScope, String authorityHost) {
    this.apiRoot = apiRoot;
    this.tokenScope = tokenScope;
    this.authorityHost = authorityHost;
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
}
