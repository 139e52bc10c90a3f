package io.switchboard.crm.security;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Set;

/**
 * Masks a phone number for display: an international number keeps its {@code +} and country calling
 * code, then the first 3 and the last 4 digits of the national number, and every digit between
 * becomes {@code *} ({@code +8613812348000} -> {@code +86138****8000}). Separators stay as they
 * were. At least 3 digits are always hidden: a short national number keeps fewer leading (then
 * trailing) digits. Pure and thread-safe.
 */
public final class PhoneNumberMask {

  /** The ITU country calling codes, from libphonenumber's metadata. */
  private static final Set<Integer> CALLING_CODES =
      Set.copyOf(PhoneNumberUtil.getInstance().getSupportedCallingCodes());

  private static final int KEEP_LEADING = 3;
  private static final int KEEP_TRAILING = 4;
  private static final int MIN_HIDDEN = 3;

  private PhoneNumberMask() {}

  /** The masked form of {@code number}, in whatever format it was written. */
  public static String mask(String number) {
    int digits = 0;
    for (int i = 0; i < number.length(); i++) {
      if (isDigit(number.charAt(i))) {
        digits++;
      }
    }
    int countryCode = number.stripLeading().startsWith("+") ? countryCodeLength(number) : 0;
    int national = digits - countryCode;
    int hidden = Math.max(Math.min(MIN_HIDDEN, national), national - KEEP_LEADING - KEEP_TRAILING);
    int trailing = Math.min(KEEP_TRAILING, national - hidden);
    int leading = national - hidden - trailing;
    int firstHidden = countryCode + leading;
    int lastHidden = firstHidden + hidden;
    StringBuilder masked = new StringBuilder(number.length());
    int index = 0;
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (isDigit(c)) {
        masked.append(index >= firstHidden && index < lastHidden ? '*' : c);
        index++;
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }

  /** Digits of the country calling code at the start (1 to 3; codes are prefix-free), or 0. */
  private static int countryCodeLength(String number) {
    int code = 0;
    int length = 0;
    for (int i = 0; i < number.length() && length < 3; i++) {
      char c = number.charAt(i);
      if (isDigit(c)) {
        code = code * 10 + (c - '0');
        length++;
        if (CALLING_CODES.contains(code)) {
          return length;
        }
      }
    }
    return 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
