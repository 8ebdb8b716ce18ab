package io.github.pcusage.cli;

import io.github.pcusage.PartnerCenterCloud;

/** The values of {@code --cloud}: which API root, token authority and scope to use. */
enum CloudOption {
  /** The public cloud (also US Government and the former German cloud). */
  PUBLIC(PartnerCenterCloud.PUBLIC),
  /** The cloud operated by 21Vianet. */
  CHINA(PartnerCenterCloud.CHINA);

  final PartnerCenterCloud cloud;

  CloudOption(PartnerCenterCloud cloud) {
    this.cloud = cloud;
  }
}
