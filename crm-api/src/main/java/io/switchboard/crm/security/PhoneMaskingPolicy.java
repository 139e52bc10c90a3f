package io.switchboard.crm.security;

import io.switchboard.crm.security.redis.ActiveCallStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SensitiveFieldPolicy}: supervisors and admins see customer views whole; anyone else
 * (agents) sees every phone number masked by {@link PhoneNumberMask}, except in the view of the
 * customer on their own active call ({@link ActiveCallStore}). When the active call cannot be read,
 * numbers are masked: the policy fails closed.
 *
 * <p>The shape it relies on, agreed with the CRM repositories: phone numbers travel as objects in
 * arrays named {@value #PHONES}, at any depth (customer, contacts, lists, 360 view, lookup
 * results), whose fields {@value #E164} and {@value #AS_ENTERED} are both masked. Scalar string
 * fields named in {@link #PHONE_FIELDS} (call logs' numbers, callbacks' number) are masked at any
 * depth as well. Runs on the event loop; the view given is never modified.
 */
public final class PhoneMaskingPolicy implements SensitiveFieldPolicy {

  /** Arrays of phone number objects. */
  public static final String PHONES = "phones";

  /** The E.164 form inside a phone number object. */
  public static final String E164 = "e164";

  /** The number as entered, inside a phone number object. */
  public static final String AS_ENTERED = "asEntered";

  /** Scalar fields that hold a phone number wherever they appear in a customer view. */
  public static final Set<String> PHONE_FIELDS =
      Set.of(
          E164, AS_ENTERED, "callerNumber", "dialledNumber", "phoneE164", "phone", "fax", "mobile");

  private static final Logger LOG = LoggerFactory.getLogger(PhoneMaskingPolicy.class);

  private final ActiveCallStore activeCalls;

  public PhoneMaskingPolicy(ActiveCallStore activeCalls) {
    this.activeCalls = activeCalls;
  }

  @Override
  public Future<JsonObject> apply(Principal principal, long customerId, JsonObject view) {
    if (seesWholeNumbers(principal)) {
      return Future.succeededFuture(view);
    }
    return activeCalls
        .get(principal.userId())
        .map(active -> active.isPresent() && active.getAsLong() == customerId ? view : masked(view))
        .recover(
            unreadable -> {
              LOG.warn(
                  "Masking numbers for user {}: active call unreadable ({})",
                  principal.userId(),
                  unreadable.toString());
              return Future.succeededFuture(masked(view));
            });
  }

  /** True for roles that see phone numbers whole everywhere. */
  public static boolean seesWholeNumbers(Principal principal) {
    return principal.has(Role.ADMIN) || principal.has(Role.SUPERVISOR);
  }

  /** A copy of {@code view} with every phone number masked. */
  public static JsonObject masked(JsonObject view) {
    JsonObject copy = view.copy();
    maskObject(copy);
    return copy;
  }

  private static void maskObject(JsonObject object) {
    for (String name : Set.copyOf(object.fieldNames())) {
      Object value = object.getValue(name);
      if (value instanceof String text && PHONE_FIELDS.contains(name)) {
        object.put(name, PhoneNumberMask.mask(text));
      } else if (value instanceof JsonObject child) {
        maskObject(child);
      } else if (value instanceof JsonArray array) {
        if (PHONES.equals(name)) {
          maskPhones(array);
        }
        maskArray(array);
      }
    }
  }

  /** Phone objects are masked by their field names; a bare list of numbers is masked here. */
  private static void maskPhones(JsonArray phones) {
    for (Object element : phones) {
      if (element instanceof String) {
        // A bare list of numbers: mask it too rather than leak it.
        for (int i = 0; i < phones.size(); i++) {
          if (phones.getValue(i) instanceof String text) {
            phones.set(i, PhoneNumberMask.mask(text));
          }
        }
        return;
      }
    }
  }

  private static void maskArray(JsonArray array) {
    for (Object element : array) {
      if (element instanceof JsonObject child) {
        maskObject(child);
      } else if (element instanceof JsonArray nested) {
        maskArray(nested);
      }
    }
  }
}
