package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes the bodies of the customer listing and the subscription list with Jackson's streaming
 * generator, fields in the order of the documented examples.
 */
final class DirectoryWriter {
  private final JsonFactory factory;

  DirectoryWriter(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * Writes one page of the customer listing.
   *
   * @param token the continuation token of the next page (also in {@code links.next}), or null
   */
  byte[] customers(
      List<Customer> page, String selfUri, String nextUri, String token, String selfToken) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + page.size() * 700);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("totalCount", page.size());
      json.writeArrayFieldStart("items");
      for (Customer customer : page) {
        customer(json, customer);
      }
      json.writeEndArray();
      if (token != null) {
        json.writeStringField("continuationToken", token);
      }
      json.writeObjectFieldStart("links");
      WireWriter.writeLink(json, "self", selfUri, selfToken);
      if (nextUri != null) {
        WireWriter.writeLink(json, "next", nextUri, token);
      }
      json.writeEndObject();
      WireWriter.writeAttributes(json, "Collection");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void customer(JsonGenerator json, Customer customer) throws IOException {
    String self = "/customers/" + customer.id();
    json.writeStartObject();
    json.writeStringField("id", customer.id());
    if (customer.commerceId() != null) {
      json.writeStringField("commerceId", customer.commerceId());
    }
    json.writeObjectFieldStart("companyProfile");
    json.writeStringField("tenantId", customer.id());
    json.writeStringField("domain", customer.domain());
    json.writeStringField("companyName", customer.companyName());
    json.writeObjectFieldStart("links");
    WireWriter.writeLink(json, "self", self + "/profiles/company", null);
    json.writeEndObject();
    WireWriter.writeAttributes(json, "CustomerCompanyProfile");
    json.writeEndObject();
    json.writeStringField("relationshipToPartner", customer.relationshipToPartner());
    json.writeObjectFieldStart("links");
    WireWriter.writeLink(json, "self", self, null);
    json.writeEndObject();
    WireWriter.writeAttributes(json, "Customer");
    json.writeEndObject();
  }

  /** Writes a customer's subscriptions: one collection without {@code links.next}. */
  byte[] subscriptions(String customerId, List<Subscription> subscriptions) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + subscriptions.size() * 1200);
    String base = "/customers/" + customerId + "/subscriptions";
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("totalCount", subscriptions.size());
      json.writeArrayFieldStart("items");
      for (Subscription subscription : subscriptions) {
        subscription(json, base, subscription);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("links");
      WireWriter.writeLink(json, "self", base, null);
      json.writeEndObject();
      WireWriter.writeAttributes(json, "Collection");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An etag shaped as the service's: base64 of a small JSON object. */
  private static String etag(Subscription s) {
    String version = Long.toString(Long.remainderUnsigned(SeededRandom.hash(s.id()), 9) + 1);
    String json = "{\"id\":\"" + s.id() + "\",\"version\":" + version + "}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void subscription(JsonGenerator json, String base, Subscription s)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", s.id());
    if (s.entitlementId() != null) {
      json.writeStringField("entitlementId", s.entitlementId());
    }
    json.writeStringField("offerId", s.offerId());
    json.writeStringField("offerName", s.offerName());
    json.writeStringField("friendlyName", s.friendlyName());
    json.writeNumberField("quantity", s.quantity());
    json.writeStringField("unitType", s.unitType());
    json.writeBooleanField("hasPurchasableAddons", false);
    json.writeStringField("creationDate", s.creationDate());
    json.writeStringField("effectiveStartDate", s.effectiveStartDate());
    json.writeStringField("commitmentEndDate", s.commitmentEndDate());
    json.writeStringField("status", s.status());
    json.writeBooleanField("autoRenewEnabled", s.autoRenewEnabled());
    json.writeBooleanField("isTrial", false);
    json.writeStringField("billingType", s.billingType());
    json.writeStringField("billingCycle", s.billingCycle());
    if (s.termDuration() != null) {
      json.writeStringField("termDuration", s.termDuration());
    }
    json.writeStringField("contractType", s.contractType());
    json.writeStringField("orderId", s.orderId());
    if (s.productType() != null) {
      json.writeObjectFieldStart("productType");
      json.writeStringField("id", s.productType());
      json.writeStringField("displayName", s.productType());
      json.writeEndObject();
    }
    json.writeObjectFieldStart("links");
    WireWriter.writeLink(json, "offer", "/offers/" + s.offerId(), null);
    WireWriter.writeLink(json, "self", base + "/" + s.id(), null);
    json.writeEndObject();
    json.writeObjectFieldStart("attributes");
    json.writeStringField("etag", etag(s));
    json.writeStringField("objectType", "Subscription");
    json.writeEndObject();
    json.writeEndObject();
  }
}
