package io.github.pcusage;

import java.util.Objects;

/**
 * Which customers to list and in what pages: a page size, and optionally a prefix that the company
 * name or the default domain starts with (the service matches it in any case; one field at a time,
 * as the service filters on one). Immutable.
 *
 * <pre>{@code
 * CustomerQuery query = CustomerQuery.builder()
 *     .pageSize(500)
 *     .companyNameStartsWith("Contoso")
 *     .build();
 * }</pre>
 */
public final class CustomerQuery {
  /** The largest page the service serves. */
  public static final int MAX_PAGE_SIZE = 500;

  static final String COMPANY_NAME = "CompanyName";
  static final String DOMAIN = "Domain";

  private final int pageSize;
  private final String filterField;
  private final String filterValue;

  private CustomerQuery(int pageSize, String filterField, String filterValue) {
    this.pageSize = pageSize;
    this.filterField = filterField;
    this.filterValue = filterValue;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with pages of 500 and no filter
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A query read back from a saved continuation; validated as the builder does. */
  static CustomerQuery of(int pageSize, String filterField, String filterValue) {
    Builder builder = builder().pageSize(pageSize);
    if (COMPANY_NAME.equals(filterField)) {
      builder.companyNameStartsWith(filterValue);
    } else if (DOMAIN.equals(filterField)) {
      builder.domainStartsWith(filterValue);
    } else if (filterField != null) {
      throw new IllegalArgumentException("continuation is damaged: unknown filter field");
    }
    return builder.build();
  }

  /**
   * Returns the number of customers asked for per page.
   *
   * @return 1 to 500
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Returns the prefix the company name starts with.
   *
   * @return the prefix, or {@code null} when the listing is not filtered by company name
   */
  public String companyNameStartsWith() {
    return COMPANY_NAME.equals(filterField) ? filterValue : null;
  }

  /**
   * Returns the prefix the default domain starts with.
   *
   * @return the prefix, or {@code null} when the listing is not filtered by domain
   */
  public String domainStartsWith() {
    return DOMAIN.equals(filterField) ? filterValue : null;
  }

  /** The filtered field ({@code CompanyName} or {@code Domain}), or null. */
  String filterField() {
    return filterField;
  }

  /** The prefix, or null. */
  String filterValue() {
    return filterValue;
  }

  /**
   * The {@code filter} query parameter, or null: {@code
   * {"Field":"CompanyName","Value":"Contoso","Operator":"starts_with"}}.
   */
  String filterJson() {
    if (filterField == null) {
      return null;
    }
    StringBuilder json = new StringBuilder("{\"Field\":\"").append(filterField);
    json.append("\",\"Value\":\"");
    for (int i = 0; i < filterValue.length(); i++) {
      char c = filterValue.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\'); // the builder refuses control characters: nothing else needs escaping
      }
      json.append(c);
    }
    return json.append("\",\"Operator\":\"starts_with\"}").toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CustomerQuery)) {
      return false;
    }
    CustomerQuery that = (CustomerQuery) o;
    return pageSize == that.pageSize
        && Objects.equals(filterField, that.filterField)
        && Objects.equals(filterValue, that.filterValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pageSize, filterField, filterValue);
  }

  @Override
  public String toString() {
    return "CustomerQuery{pageSize="
        + pageSize
        + (filterField == null ? "" : ", " + filterField + " starts with '" + filterValue + "'")
        + "}";
  }

  /** Builds {@link CustomerQuery} values; validates in {@link #build()}. */
  public static final class Builder {
    private int pageSize = MAX_PAGE_SIZE;
    private String companyName;
    private String domain;

    private Builder() {}

    /**
     * Sets the page size, from 1 to 500; 500 by default.
     *
     * @param pageSize customers per page
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Lists only the customers whose company name starts with {@code prefix}, in any case. Not
     * together with {@link #domainStartsWith}.
     *
     * @param prefix the start of the company name, not blank
     * @return this builder
     */
    public Builder companyNameStartsWith(String prefix) {
      this.companyName = prefix;
      return this;
    }

    /**
     * Lists only the customers whose default domain starts with {@code prefix}, in any case. Not
     * together with {@link #companyNameStartsWith}.
     *
     * @param prefix the start of the domain, not blank
     * @return this builder
     */
    public Builder domainStartsWith(String prefix) {
      this.domain = prefix;
      return this;
    }

    /**
     * Returns the query.
     *
     * @return the query
     * @throws IllegalArgumentException naming the field, if the page size is out of range, a prefix
     *     is blank or holds control characters, or both prefixes are set
     */
    public CustomerQuery build() {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize is " + pageSize + ": use a page size from 1 to " + MAX_PAGE_SIZE);
      }
      if (companyName != null && domain != null) {
        throw new IllegalArgumentException(
            "companyNameStartsWith and domainStartsWith are both set: the service filters on one"
                + " field at a time");
      }
      if (companyName != null) {
        return new CustomerQuery(
            pageSize, COMPANY_NAME, prefix("companyNameStartsWith", companyName));
      }
      if (domain != null) {
        return new CustomerQuery(pageSize, DOMAIN, prefix("domainStartsWith", domain));
      }
      return new CustomerQuery(pageSize, null, null);
    }

    private static String prefix(String field, String value) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(field + " is blank: pass the start of the value");
      }
      if (value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(field + " holds control characters");
      }
      return value;
    }
  }
}
