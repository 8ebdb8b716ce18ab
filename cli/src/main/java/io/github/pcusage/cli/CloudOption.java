package io.github.pcusage.cli;

import io.github.pcusage.PartnerCenterCloud;

/** The values of {@code --cloud}: which API root, token authority and scope to use. */
enum CloudOption {
  /** The public cloud (also the former German cloud). */
  PUBLIC(PartnerCenterCloud.PUBLIC),
  /** US Government: the public API root, signed in at login.microsoftonline.us. */
  USGOV(PartnerCenterCloud.US_GOVERNMENT),
  /** The cloud operated by 21Vianet, which offers neither usage operation (exit 2). */
  CHINA(PartnerCenterCloud.CHINA);

  final PartnerCenterCloud cloud;

  CloudOption(PartnerCenterCloud cloud) {
    this.cloud = cloud;
  }
}
