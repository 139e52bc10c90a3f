package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhoneMaskingPolicyTest {

  private static JsonObject phone(String e164, String asEntered) {
    return new JsonObject().put("e164", e164).put("asEntered", asEntered).put("label", "main");
  }

  /** A 360 view in the shape the CRM repositories produce. */
  private static JsonObject view360() {
    return new JsonObject()
        .put(
            "customer",
            new JsonObject()
                .put("id", 7)
                .put("name", "Wang Li")
                .put("phones", new JsonArray().add(phone("+8613812348000", "138 1234 8000"))))
        .put(
            "contacts",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("name", "Zhang Wei")
                        .put(
                            "phones",
                            new JsonArray().add(phone("+861065528000", "(010) 6552-8000")))))
        .put(
            "recentCalls",
            new JsonArray().add(new JsonObject().put("callerNumber", "+8613812348000")))
        .put(
            "pendingCallbacks",
            new JsonArray().add(new JsonObject().put("phoneE164", "+8613812348000")));
  }

  @Test
  void everyPhoneNumberAtAnyDepthIsMaskedBothForms() {
    JsonObject masked = PhoneMaskingPolicy.masked(view360());

    JsonObject customerPhone =
        masked.getJsonObject("customer").getJsonArray("phones").getJsonObject(0);
    assertThat(customerPhone.getString("e164")).isEqualTo("+86138****8000");
    assertThat(customerPhone.getString("asEntered")).isEqualTo("138 **** 8000");
    assertThat(customerPhone.getString("label")).isEqualTo("main");
    JsonObject contactPhone =
        masked.getJsonArray("contacts").getJsonObject(0).getJsonArray("phones").getJsonObject(0);
    assertThat(contactPhone.getString("e164")).isEqualTo("+86106***8000");
    assertThat(contactPhone.getString("asEntered")).isEqualTo("(010) ****-8000");
    assertThat(masked.getJsonArray("recentCalls").getJsonObject(0).getString("callerNumber"))
        .isEqualTo("+86138****8000");
    assertThat(masked.getJsonArray("pendingCallbacks").getJsonObject(0).getString("phoneE164"))
        .isEqualTo("+86138****8000");
    assertThat(masked.encode()).doesNotContain("1234", "6552");
  }

  @Test
  void theMatchedNumberOfALookupResultIsMaskedToo() {
    JsonObject lookupHit =
        new JsonObject()
            .put("id", 7)
            .put("name", "Wang Li")
            .put("match", new JsonObject().put("via", "customer").put("e164", "+8613812348000"));

    JsonObject masked = PhoneMaskingPolicy.masked(lookupHit);

    assertThat(masked.getJsonObject("match").getString("e164")).isEqualTo("+86138****8000");
    assertThat(masked.getString("name")).isEqualTo("Wang Li");
  }

  @Test
  void theViewGivenIsNotModified() {
    JsonObject view = view360();
    String before = view.encode();

    PhoneMaskingPolicy.masked(view);

    assertThat(view.encode()).isEqualTo(before);
  }

  @Test
  void otherFieldsAreLeftAsTheyWere() {
    JsonObject view =
        new JsonObject().put("id", 7).put("name", "Wang 138").put("notes", "call 13812348000");

    assertThat(PhoneMaskingPolicy.masked(view)).isEqualTo(view);
  }

  @Test
  void supervisorsAndAdminsSeeTheViewWholeWithoutAskingForTheActiveCall() {
    PhoneMaskingPolicy policy = new PhoneMaskingPolicy(null);
    JsonObject view = view360();

    for (Role role : Set.of(Role.SUPERVISOR, Role.ADMIN)) {
      assertThat(policy.apply(new Principal(1, "boss", Set.of(role, Role.AGENT)), 7, view).result())
          .isSameAs(view);
    }
  }
}
