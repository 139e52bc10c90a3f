package io.switchboard.core.config;

import java.util.regex.Pattern;

/**
 * Settings of the CRM store. {@code defaultRegion} is the ISO 3166 country whose national formats a
 * phone number without a country code is read in (a caller ID such as {@code 013800138000}).
 */
public record CrmSettings(String defaultRegion) {

  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  static CrmSettings from(RawSettings raw) {
    String region = raw.required("crm.default-region");
    if (!REGION.matcher(region).matches()) {
      throw raw.invalid("crm.default-region", "must be a two-letter country code such as CN");
    }
    return new CrmSettings(region);
  }
}
