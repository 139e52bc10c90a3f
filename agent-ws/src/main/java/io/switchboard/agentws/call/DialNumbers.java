package io.switchboard.agentws.call;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.core.config.InvalidSettingException;
import java.util.regex.Pattern;

/**
 * Turns a number an agent asks to dial or transfer to ({@code +86 138 0013 8000}, {@code
 * 013800138000}, {@code (010) 6552 9988}) into E.164 with libphonenumber, reading numbers without a
 * country code in the configured region, the way the CRM stores them. Immutable and thread-safe.
 */
public final class DialNumbers {

  /** Longer input is not a phone number; refusing it keeps the parser's work bounded. */
  public static final int MAX_INPUT_LENGTH = 64;

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** Digits, a leading +, and the separators people write. */
  private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9()\\-./\\s]+");

  private final String region;

  /**
   * Numbers without a country code are read in {@code region}.
   *
   * @throws InvalidSettingException naming {@code crm.default-region} when libphonenumber has no
   *     numbering plan for the region
   */
  public DialNumbers(String region) {
    if (!PHONES.getSupportedRegions().contains(region)) {
      throw new InvalidSettingException(
          "crm.default-region",
          "\"" + region + "\" is not a country libphonenumber has numbering plans for");
    }
    this.region = region;
    // Loads the region's metadata now, at start, rather than on an event loop at the first dial.
    PHONES.getExampleNumber(region);
  }

  /**
   * The E.164 form of {@code input}.
   *
   * @return the number, e.g. {@code +8613800138000}
   * @throws IllegalArgumentException saying why the input is not a valid phone number
   */
  public String e164(String input) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    String text = input.strip();
    if (text.length() > MAX_INPUT_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_INPUT_LENGTH + " characters");
    }
    if (!ALLOWED.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a phone number: only digits, a leading + and spaces ()-./");
    }
    PhoneNumber number;
    try {
      number = PHONES.parse(text, region);
    } catch (NumberParseException notANumber) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a phone number (" + notANumber.getErrorType() + ")");
    }
    if (!PHONES.isValidNumber(number)) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a valid phone number (read in region " + region + ")");
    }
    return PHONES.format(number, PhoneNumberFormat.E164);
  }
}
