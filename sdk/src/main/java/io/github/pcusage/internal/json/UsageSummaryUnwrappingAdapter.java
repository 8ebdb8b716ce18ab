package io.github.pcusage.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.pcusage.model.SubscriptionUsageSummary;
import io.github.pcusage.model.SubscriptionUsageSummaryCollection;
import java.io.IOException;
import java.util.List;

/**
 * Decodes a {@link SubscriptionUsageSummary} whether the service sends the object itself (what it
 * does) or a collection holding exactly one summary (what the reference's type name suggests).
 */
final class UsageSummaryUnwrappingAdapter extends JsonAdapter<SubscriptionUsageSummary> {
  static final JsonAdapter.Factory FACTORY =
      (type, annotations, moshi) ->
          type == SubscriptionUsageSummary.class && annotations.isEmpty()
              ? new UsageSummaryUnwrappingAdapter(moshi)
              : null;

  private static final JsonReader.Options ITEMS = JsonReader.Options.of("items");

  private final Moshi moshi;
  private JsonAdapter<SubscriptionUsageSummary> summaryAdapter;
  private JsonAdapter<SubscriptionUsageSummaryCollection> collectionAdapter;

  private UsageSummaryUnwrappingAdapter(Moshi moshi) {
    this.moshi = moshi;
  }

  private synchronized void init() {
    if (summaryAdapter == null) {
      summaryAdapter =
          moshi.nextAdapter(FACTORY, SubscriptionUsageSummary.class, java.util.Set.of());
      collectionAdapter = moshi.adapter(SubscriptionUsageSummaryCollection.class);
    }
  }

  @Override
  public SubscriptionUsageSummary fromJson(JsonReader reader) throws IOException {
    init();
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT || !hasItems(reader.peekJson())) {
      return summaryAdapter.fromJson(reader);
    }
    String path = reader.getPath();
    SubscriptionUsageSummaryCollection collection = collectionAdapter.fromJson(reader);
    List<SubscriptionUsageSummary> items = collection == null ? null : collection.getItems();
    if (items == null || items.size() != 1) {
      throw new JsonDataException(
          "Expected one usage summary in the collection but found "
              + (items == null ? 0 : items.size())
              + " at path "
              + path);
    }
    return items.get(0);
  }

  private static boolean hasItems(JsonReader peek) throws IOException {
    try (peek) {
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.selectName(ITEMS) == 0) {
          return peek.peek() == JsonReader.Token.BEGIN_ARRAY;
        }
        peek.skipName();
        peek.skipValue();
      }
      return false;
    }
  }

  @Override
  public void toJson(JsonWriter writer, SubscriptionUsageSummary value) throws IOException {
    init();
    summaryAdapter.toJson(writer, value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(SubscriptionUsageSummary, unwrapping)";
  }
}
