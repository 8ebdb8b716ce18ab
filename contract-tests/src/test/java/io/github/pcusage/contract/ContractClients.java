package io.github.pcusage.contract;

import au.com.dius.pact.consumer.MockServer;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.Granularity;
import java.time.OffsetDateTime;

/** Builds the real SDK client against the Pact mock server: no retries, no waiting, no prefetch. */
final class ContractClients {
  private ContractClients() {}

  static PartnerCenterClient client(MockServer server) {
    return PartnerCenterClient.builder()
        .baseUrl(server.getUrl())
        .tokenProvider(TokenProvider.of(Contracts.TOKEN))
        .retryPolicy(RetryPolicy.none())
        .dataNotReadyPolicy(DataNotReadyPolicy.noWait())
        .prefetch(false)
        .sleeper(duration -> {})
        .build();
  }

  static UtilizationQuery query(Granularity granularity, boolean details) {
    return query(granularity, details, Contracts.PAGE_SIZE);
  }

  static UtilizationQuery query(Granularity granularity, boolean details, int pageSize) {
    return UtilizationQuery.builder()
        .startTime(OffsetDateTime.parse(Contracts.START))
        .endTime(OffsetDateTime.parse(Contracts.END))
        .granularity(granularity)
        .showDetails(details)
        .pageSize(pageSize)
        .build();
  }
}
