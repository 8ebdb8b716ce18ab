package io.github.pcusage.sandbox;

import java.util.Locale;

/**
 * The state of one customer listing: its filter, page size and the offset of a page in it.
 *
 * @param field the filter's field, or null for no filter
 * @param value the filter's prefix (null without a filter)
 * @param size the page size, 1 to {@link #MAX_SIZE}
 * @param offset the index of the page's first customer among those the filter matches
 */
record CustomerQuery(Field field, String value, int size, int offset) {
  /** The largest page size of the customer listing. */
  static final int MAX_SIZE = 500;

  /** The fields the {@code filter} parameter can name, with their wire names. */
  enum Field {
    COMPANY_NAME("CompanyName"),
    DOMAIN("Domain"),
    INDIRECT_RESELLER("IndirectReseller"),
    INDIRECT_CLOUD_SOLUTION_PROVIDER("IndirectCloudSolutionProvider");

    final String wireName;

    Field(String wireName) {
      this.wireName = wireName;
    }

    /** Returns the field with this wire name, ignoring case, or null. */
    static Field parse(String name) {
      for (Field field : values()) {
        if (field.wireName.equalsIgnoreCase(name)) {
          return field;
        }
      }
      return null;
    }
  }

  /** Returns the query of the next page. */
  CustomerQuery next() {
    return new CustomerQuery(field, value, size, offset + size);
  }

  /**
   * Returns whether a customer matches the filter: a prefix of its company name or domain, ignoring
   * case. No sandbox customer is indirect, so the indirect fields match none.
   */
  boolean matches(Customer customer) {
    if (field == null) {
      return true;
    }
    String prefix = value.toLowerCase(Locale.ROOT);
    switch (field) {
      case COMPANY_NAME:
        return customer.companyName().toLowerCase(Locale.ROOT).startsWith(prefix);
      case DOMAIN:
        return customer.domain().toLowerCase(Locale.ROOT).startsWith(prefix);
      default:
        return false;
    }
  }
}
