package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Plain classes with the same field types as the SDK's models ({@code BigDecimal}, {@code
 * OffsetDateTime} with its offset kept, string maps, an enum), for the Jackson databind baselines.
 * Public fields, no annotations: what a hand-rolled client would write.
 */
final class JacksonModels {
  private JacksonModels() {}

  /**
   * The reader every Jackson baseline uses: decimals exact, offsets kept (no adjustment to the
   * context time zone), unknown properties ignored.
   */
  static ObjectReader collectionReader() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper.readerFor(Collection.class);
  }

  /** A page. */
  public static final class Collection {
    public Integer totalCount;
    public List<Record> items;
    public Links links;
    public Attributes attributes;
  }

  /** One utilization record. */
  public static final class Record {
    public OffsetDateTime usageStartTime;
    public OffsetDateTime usageEndTime;
    public Resource resource;
    public BigDecimal quantity;
    public String unit;
    public Map<String, String> infoFields;
    public InstanceData instanceData;
    public Attributes attributes;
  }

  /** The meter. */
  public static final class Resource {
    public String id;
    public String name;
    public String category;
    public String subcategory;
    public String region;
  }

  /** The instance. */
  public static final class InstanceData {
    public String resourceUri;
    public String location;
    public String partNumber;
    public String orderNumber;
    public Map<String, String> tags;
    public Map<String, String> additionalInfo;
  }

  /** Object metadata. */
  public static final class Attributes {
    public String etag;
    public String objectType;
  }

  /** Page links. */
  public static final class Links {
    public Link self;
    public Link next;
    public Link previous;
  }

  /** A link. */
  public static final class Link {
    public String uri;
    public Method method;
    public List<Header> headers;
  }

  /** A link's header. */
  public static final class Header {
    public String key;
    public String value;
  }

  /** A link's method. */
  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE,
    HEAD
  }
}
