package io.github.pcusage;

import io.github.pcusage.internal.http.BodyArrays;
import io.github.pcusage.internal.http.CallEngine;
import io.github.pcusage.internal.http.CallSpec;
import io.github.pcusage.internal.http.Cancellation;
import io.github.pcusage.internal.http.CollectionDecoder;
import io.github.pcusage.internal.http.HeaderNames;
import io.github.pcusage.internal.http.NextLinks;
import io.github.pcusage.internal.http.Received;
import io.github.pcusage.internal.http.ResourceCollection;
import io.github.pcusage.model.KeyValuePair;
import io.github.pcusage.model.Link;
import io.github.pcusage.model.ResourceLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the pages of any Partner Center {@code ResourceCollection} listing: the first page with
 * the operation's own request, every later page from the previous page's {@code links.next} (its
 * uri in any of the three forms the service writes, resolved under the API root and refused when it
 * points elsewhere; its headers, such as {@code MS-ContinuationToken}, sent byte for byte). Each
 * page request is one call of the {@link CallEngine} with its own {@code MS-RequestId}; every page
 * of a listing shares one {@code MS-CorrelationId}. A {@code 204} on the first page waits under the
 * {@code DataNotReadyPolicy}, on a later page it is retried with the same token.
 *
 * <p>A new paged operation is a {@link FirstPage} and an item type: see {@code
 * UsageCalls.utilizations} and {@code DiscoveryCalls.customers}. A listing may name a Partner
 * Center error code that, in a {@code 400} on a follow-up page, ends it ({@link
 * #endsOnFollowUpCode}): the customer listing's code {@code 2000}.
 *
 * @param <T> the item type
 */
final class ResourcePager<T> {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.pcusage.http");

  /** The operation's first-page request, given the ids to send. */
  interface FirstPage {
    Request request(Continuation start, String requestId, String correlationId);
  }

  private final CallEngine engine;
  private final HttpUrl apiRoot;
  private final CollectionDecoder<T> decoder;
  private final String operation;
  private final String notFoundCauses;
  private final Continuation start;
  private final FirstPage firstPage;
  private String endCode;

  ResourcePager(
      CallEngine engine,
      HttpUrl apiRoot,
      Class<T> itemType,
      String operation,
      String notFoundCauses,
      Continuation start,
      FirstPage firstPage) {
    this.engine = engine;
    this.apiRoot = apiRoot;
    this.decoder = new CollectionDecoder<>(itemType);
    this.operation = operation;
    this.notFoundCauses = notFoundCauses;
    this.start = start;
    this.firstPage = firstPage;
  }

  /** The position of the first page. */
  Continuation start() {
    return start;
  }

  CallEngine engine() {
    return engine;
  }

  /**
   * Makes a {@code 400} with this Partner Center error code on a follow-up page end the listing (a
   * last page without items), logged at warn with its {@code MS-RequestId}; on the first page it
   * stays a {@link BadRequestException}.
   */
  ResourcePager<T> endsOnFollowUpCode(String code) {
    this.endCode = code;
    return this;
  }

  /** What the listing lists, for messages: "utilization records", "customers". */
  String items() {
    return start.kind().items;
  }

  /**
   * Throws IllegalArgumentException unless {@code continuation} belongs to this listing: the same
   * kind and, for utilization records, the same customer and subscription. Ids are compared
   * ignoring case, as the service matches them ({@code 3B1C...} is {@code 3b1c...}).
   */
  void checkBelongs(Continuation continuation) {
    if (continuation.kind() != start.kind()) {
      throw new IllegalArgumentException(
          "continuation belongs to " + continuation.listing() + ", not to " + start.listing());
    }
    if (start.kind() == Continuation.Kind.UTILIZATIONS
        && (!continuation.customerId().equalsIgnoreCase(start.customerId())
            || !continuation.subscriptionId().equalsIgnoreCase(start.subscriptionId()))) {
      throw new IllegalArgumentException(
          "continuation belongs to customer "
              + continuation.customerId()
              + ", subscription "
              + continuation.subscriptionId()
              + ", not to customer "
              + start.customerId()
              + ", subscription "
              + start.subscriptionId());
    }
  }

  /**
   * Fetches the page at {@code position}, with every retry it allows. With {@code keepRaw} the
   * body's bytes stay in its chunks for {@link Page#rawItems()} until the page is released; without
   * it (an item iteration, whose pages the caller never sees) they go back at once.
   */
  Page<T> fetch(Continuation position, Cancellation cancellation, boolean keepRaw) {
    String correlation =
        position.correlationId() != null ? position.correlationId() : start.correlationId();
    String requestId = UUID.randomUUID().toString();
    Request request;
    CallSpec.NoContent noContent;
    if (position.isFirstPage()) {
      request = firstPage.request(position, requestId, correlation);
      noContent = CallSpec.NoContent.WAIT_FOR_DATA;
    } else {
      Request.Builder next =
          new Request.Builder().url(NextLinks.resolve(apiRoot, position.nextUri()));
      for (Map.Entry<String, String> header : position.headers()) {
        next.header(header.getKey(), header.getValue());
      }
      next.header(HeaderNames.REQUEST_ID, requestId);
      next.header(HeaderNames.CORRELATION_ID, correlation);
      request = next.build();
      noContent = CallSpec.NoContent.RETRY;
    }
    CallSpec<ResourceCollection<T>> call =
        CallSpec.of(request, operation, decoder)
            .noContent(noContent)
            .position(position)
            .notFoundCauses(notFoundCauses);
    if (keepRaw) {
      call.keepBody();
    }
    Received<ResourceCollection<T>> received;
    try {
      received = engine.execute(call, cancellation);
    } catch (BadRequestException e) {
      if (position.isFirstPage() || endCode == null || !endCode.equals(e.errorCode())) {
        throw e;
      }
      LOG.warn(
          "{}: HTTP 400 with Partner Center code {} on a follow-up page, read as the end of the"
              + " listing (as Microsoft's own tooling reads it) request-id {}",
          operation,
          endCode,
          e.requestId());
      return new Page<>(
          List.of(),
          null,
          new Page.PageIds(e.requestId(), e.correlationId(), null),
          RawItems.none());
    }
    BodyArrays.Filled body = received.body();
    try {
      ResourceCollection<T> page = received.value();
      Continuation next = nextOf(page.links(), received.requestId(), correlation, position);
      Page.PageIds ids =
          new Page.PageIds(
              received.requestId(),
              received.correlationId(),
              received.headers().get(HeaderNames.SERVER_ID));
      Page<T> result = new Page<>(page.items(), next, ids, new RawItems(body, page));
      body = null;
      return result;
    } finally {
      if (body != null) {
        body.release();
      }
    }
  }

  private Continuation nextOf(
      ResourceLinks links, String requestId, String correlation, Continuation position) {
    Link next = links == null ? null : links.getNext();
    if (next == null) {
      return null;
    }
    String uri;
    try {
      uri = NextLinks.normalise(apiRoot, next.getUri());
    } catch (IllegalArgumentException e) {
      throw engine.errors().paging(items(), e.getMessage(), requestId, correlation, position);
    }
    List<Map.Entry<String, String>> linkHeaders = new ArrayList<>();
    if (next.getHeaders() != null) {
      for (KeyValuePair pair : next.getHeaders()) {
        if (pair == null || pair.getKey() == null || pair.getKey().isBlank()) {
          continue;
        }
        String value = pair.getValue() == null ? "" : pair.getValue();
        if (!isSendable(pair.getKey(), value)) {
          throw engine
              .errors()
              .paging(
                  items(),
                  "the next link's header "
                      + Ids.printable(pair.getKey())
                      + " holds characters that cannot be sent in an HTTP header",
                  requestId,
                  correlation,
                  position);
        }
        linkHeaders.add(Map.entry(pair.getKey(), value));
      }
    }
    return position.next(correlation, uri, linkHeaders);
  }

  private static boolean isSendable(String name, String value) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        return false;
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
