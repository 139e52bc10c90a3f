package io.switchboard.dialer.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones a number may be in, from libphonenumber's {@link PhoneNumberToTimeZonesMapper}:
 * one for most fixed lines, every zone of the country for a mobile or a number of a country with
 * several zones. The mapper's data is loaded by the constructor, so build this at start, not on an
 * event loop. Immutable and thread-safe afterwards.
 */
public final class NumberTimeZones {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final PhoneNumberToTimeZonesMapper mapper;

  public NumberTimeZones() {
    mapper = PhoneNumberToTimeZonesMapper.getInstance();
    // Loads the prefix tables now, at start, rather than at the first lead.
    zonesOf("+8613800138000");
  }

  /**
   * The zones of an E.164 number, in the mapper's order; empty when the number is not a number or
   * its zone is unknown (non-geographic numbers such as +800).
   */
  public List<ZoneId> zonesOf(String e164) {
    List<ZoneId> zones = new ArrayList<>();
    try {
      for (String id : mapper.getTimeZonesForNumber(PHONES.parse(e164, "ZZ"))) {
        if (!id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
          zones.add(ZoneId.of(id));
        }
      }
    } catch (NumberParseException | DateTimeException unknown) {
      return List.of();
    }
    return List.copyOf(zones);
  }
}
