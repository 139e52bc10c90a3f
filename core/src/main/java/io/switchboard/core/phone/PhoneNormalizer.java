package io.switchboard.core.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.core.config.CrmSettings;
import io.switchboard.core.config.InvalidSettingException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a phone number as people and PBXs write it ({@code +86 138 0013 8000}, {@code
 * 013800138000}, {@code 0086 138...}, {@code 138-0013-8000}, {@code (010) 6552 9988}) into E.164
 * with libphonenumber, reading numbers without a country code in the configured default region.
 * Immutable and thread-safe.
 */
public final class PhoneNormalizer {

  /** Longer input is not a phone number; refusing it keeps the parser's work bounded. */
  public static final int MAX_INPUT_LENGTH = 64;

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** Separators, brackets and a leading "tel:" that caller IDs and spreadsheets carry. */
  private static final Pattern ALLOWED = Pattern.compile("[0-9+()\\-./\\s]+(;ext=\\d+)?");

  private final String defaultRegion;

  /**
   * A normaliser for numbers dialled in {@code defaultRegion}.
   *
   * @throws InvalidSettingException naming {@code crm.default-region} when libphonenumber does not
   *     know the region
   */
  public PhoneNormalizer(String defaultRegion) {
    if (!PHONES.getSupportedRegions().contains(defaultRegion)) {
      throw new InvalidSettingException(
          "crm.default-region",
          "\"" + defaultRegion + "\" is not a country libphonenumber has numbering plans for");
    }
    this.defaultRegion = defaultRegion;
    // Loads the region's metadata now, at start, rather than on an event loop at the first call.
    normalize(
        PHONES.getExampleNumber(defaultRegion) == null
            ? "+8613800138000"
            : PHONES.format(PHONES.getExampleNumber(defaultRegion), PhoneNumberFormat.E164));
  }

  public static PhoneNormalizer from(CrmSettings settings) {
    return new PhoneNormalizer(settings.defaultRegion());
  }

  /** The region numbers without a country code are read in. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /**
   * The E.164 form of a number to be stored: it must parse and be a valid number of its country.
   *
   * @return the E.164 form, or empty with {@code problem} describing why not
   */
  public Result normalize(String input) {
    Result parsed = parse(input);
    if (parsed.e164().isEmpty()) {
      return parsed;
    }
    if (!PHONES.isValidNumber(parsed.number)) {
      return Result.failed(
          "\"" + input + "\" is not a valid phone number (read in region " + defaultRegion + ")");
    }
    return parsed;
  }

  /**
   * The E.164 form of a caller ID to look up: it must parse; a number outside known ranges is still
   * looked up, because only stored (valid) numbers can match it.
   */
  public Result normalizeForLookup(String input) {
    return parse(input);
  }

  private Result parse(String input) {
    if (input == null || input.isBlank()) {
      return Result.failed("a phone number is required");
    }
    String text = input.strip();
    if (text.length() > MAX_INPUT_LENGTH) {
      return Result.failed("is longer than " + MAX_INPUT_LENGTH + " characters");
    }
    if (text.regionMatches(true, 0, "tel:", 0, 4)) {
      text = text.substring(4);
    }
    if (!ALLOWED.matcher(text).matches()) {
      return Result.failed(
          "\"" + input + "\" is not a phone number: only digits, +, spaces, ()-./");
    }
    try {
      PhoneNumber number = PHONES.parse(text, defaultRegion);
      String e164 = PHONES.format(number, PhoneNumberFormat.E164);
      if (!e164.matches("\\+[1-9][0-9]{1,14}")) {
        return Result.failed("\"" + input + "\" has no E.164 form");
      }
      return new Result(Optional.of(e164), "", number);
    } catch (NumberParseException notANumber) {
      return Result.failed("\"" + input + "\" is not a phone number: " + describe(notANumber));
    }
  }

  private static String describe(NumberParseException failure) {
    return switch (failure.getErrorType()) {
      case INVALID_COUNTRY_CODE -> "unknown country code";
      case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short";
      case TOO_LONG -> "too long";
      default -> "not a number";
    };
  }

  /** A normalised number, or why there is none. */
  public static final class Result {
    private final Optional<String> e164;
    private final String problem;
    private final PhoneNumber number;

    private Result(Optional<String> e164, String problem, PhoneNumber number) {
      this.e164 = e164;
      this.problem = problem;
      this.number = number;
    }

    static Result failed(String problem) {
      return new Result(Optional.empty(), problem, null);
    }

    /** The E.164 form, when the input was a number. */
    public Optional<String> e164() {
      return e164;
    }

    /** Why the input is not a usable number; empty when it is. */
    public String problem() {
      return problem;
    }
  }
}
