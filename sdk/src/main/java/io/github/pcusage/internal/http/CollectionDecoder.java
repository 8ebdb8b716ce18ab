package io.github.pcusage.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.ResourceLinks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Decodes any Partner Center {@code ResourceCollection} ({@code items} plus {@code links}) in one
 * pass, noting the byte range of every item's JSON as it goes: the value's first byte to its last,
 * without the whitespace or commas around it. Other members ({@code totalCount}, {@code
 * attributes}, ...) are skipped. A repeated {@code items} member replaces the earlier one, as it
 * does when the generated collection adapter decodes the page.
 *
 * @param <T> the item type
 */
public final class CollectionDecoder<T> implements BodyDecoder<ResourceCollection<T>> {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("items", "links");
  private static final JsonAdapter<ResourceLinks> LINKS =
      PartnerCenterJson.adapter(ResourceLinks.class);

  private final JsonAdapter<T> itemAdapter;

  /**
   * @param itemType the item class, decoded with the SDK's shared Moshi
   */
  public CollectionDecoder(Class<T> itemType) {
    this.itemAdapter = PartnerCenterJson.adapter(itemType);
  }

  @Override
  public ResourceCollection<T> decode(JsonReader reader, Offset offset) throws IOException {
    List<T> items = null;
    long[] starts = new long[0];
    long[] ends = new long[0];
    ResourceLinks links = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0:
          if (reader.peek() == JsonReader.Token.NULL) {
            reader.skipValue(); // as absent
            items = null;
            break;
          }
          items = new ArrayList<>();
          starts = new long[16];
          ends = new long[16];
          reader.beginArray();
          while (reader.hasNext()) {
            int i = items.size();
            if (i == starts.length) {
              starts = Arrays.copyOf(starts, i * 2);
              ends = Arrays.copyOf(ends, i * 2);
            }
            // Moshi consumes the opening byte of an object, array or string when it peeks it.
            JsonReader.Token token = reader.peek();
            boolean opened =
                token == JsonReader.Token.BEGIN_OBJECT
                    || token == JsonReader.Token.BEGIN_ARRAY
                    || token == JsonReader.Token.STRING;
            starts[i] = offset.get() - (opened ? 1 : 0);
            items.add(itemAdapter.fromJson(reader));
            ends[i] = offset.get();
          }
          reader.endArray();
          break;
        case 1:
          links = LINKS.fromJson(reader);
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    if (items == null) {
      throw new JsonDataException("Required value 'items' missing at $");
    }
    reader.endObject();
    return new ResourceCollection<>(Collections.unmodifiableList(items), links, starts, ends);
  }
}
