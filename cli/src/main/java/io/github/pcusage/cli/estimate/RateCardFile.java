package io.github.pcusage.cli.estimate;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.squareup.moshi.JsonAdapter;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RateCardQuery;
import io.github.pcusage.cli.CheckpointedFile;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureRateCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The rate card of an estimate, fetched once and saved as {@code rate-card.json} in the out-dir
 * (the SDK's JSON of it, numbers as their exact text). {@code --resume} reads the saved card
 * instead of asking again, and every run prices from what the file holds, so that a resumed
 * estimate prices with the very same card.
 */
final class RateCardFile {
  static final String NAME = "rate-card.json";

  private static final JsonAdapter<AzureRateCard> ADAPTER =
      PartnerCenterJson.moshi().adapter(AzureRateCard.class);

  private RateCardFile() {}

  /** Checks {@code --currency} and {@code --region} (null: the partner's) and returns the query. */
  static RateCardQuery query(String currency, String region) {
    if (currency != null) {
      String code = currency.trim().toUpperCase(Locale.ROOT);
      boolean known = code.matches("[A-Z]{3}");
      if (known) {
        try {
          Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
          known = false;
        }
      }
      if (!known) {
        throw CliException.usage("--currency must be an ISO 4217 code such as EUR: " + currency);
      }
    }
    if (region != null
        && !Arrays.asList(Locale.getISOCountries())
            .contains(region.trim().toUpperCase(Locale.ROOT))) {
      throw CliException.usage("--region must be an ISO 3166 country code such as DE: " + region);
    }
    try {
      return RateCardQuery.builder().currency(currency).region(region).build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** Returns the saved card of {@code dir} when {@code reuse} and it exists, else fetches it. */
  static AzureRateCard load(
      PartnerCenterClient client, RateCardQuery query, Path dir, boolean reuse) {
    Path file = dir.resolve(NAME);
    if (!reuse || !Files.exists(file)) {
      String json = ADAPTER.toJson(client.azureRateCard(query));
      EstimateFiles.writeAtomically(file, json.getBytes(StandardCharsets.UTF_8));
    }
    try {
      AzureRateCard card = ADAPTER.fromJson(Files.readString(file, StandardCharsets.UTF_8));
      if (card == null || card.getCurrency() == null) {
        throw new IOException("it holds no rate card with a currency");
      }
      return card;
    } catch (IOException e) {
      throw CliException.file("cannot read " + file + ": " + CheckpointedFile.describe(e), e);
    } catch (RuntimeException e) {
      throw CliException.file("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the card's particulars for the outputs. */
  static EstimateReport.CardInfo info(AzureRateCard card) {
    List<OffsetDateTime> dates = new ArrayList<>();
    List<AzureMeter> meters = card.getMeters() == null ? List.of() : card.getMeters();
    for (AzureMeter m : meters) {
      if (m.getEffectiveDate() != null) {
        dates.add(m.getEffectiveDate());
      }
    }
    dates.sort(Comparator.comparing(OffsetDateTime::toInstant));
    return new EstimateReport.CardInfo(
        card.getCurrency(),
        card.getLocale() == null ? "" : card.getLocale(),
        meters.size(),
        dates.isEmpty() ? "" : ISO_OFFSET_DATE_TIME.format(dates.get(0)),
        dates.isEmpty() ? "" : ISO_OFFSET_DATE_TIME.format(dates.get(dates.size() - 1)));
  }
}
