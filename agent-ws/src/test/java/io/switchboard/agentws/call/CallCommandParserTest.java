package io.switchboard.agentws.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.phone.PhoneNormalizer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class CallCommandParserTest {

  private final CallCommandParser parser = new CallCommandParser(new PhoneNormalizer("CN"));

  private CallCommand parse(String type, String json) {
    return parser.parse(type, new JsonObject(json));
  }

  private void assertBad(String type, String json, String... words) {
    assertThatThrownBy(() -> parse(type, json))
        .isInstanceOf(SwitchboardException.class)
        .satisfies(
            failure ->
                assertThat(((SwitchboardException) failure).code())
                    .isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageStartingWith(type + ": ")
        .hasMessageContainingAll(words);
  }

  @Test
  void aDialNumberIsReadInTheRegionAndKeptInE164() {
    assertThat(parse("call.dial", "{\"number\": \"138-0013-8000\", \"customerId\": 7}"))
        .isEqualTo(new CallCommand.Dial("+8613800138000", 7L));
    assertThat(parse("call.dial", "{\"number\": \"+44 20 7946 0958\"}"))
        .isEqualTo(new CallCommand.Dial("+442079460958", null));
    assertThat(parse("call.dial", "{\"number\": \"(010) 6552 9988\", \"customerId\": \"8\"}"))
        .isEqualTo(new CallCommand.Dial("+861065529988", 8L));
  }

  @Test
  void badDialsNameTheField() {
    assertBad("call.dial", "{}", "'number' is required");
    assertBad("call.dial", "{\"number\": 13800138000}", "'number' must be a string");
    assertBad("call.dial", "{\"number\": \"1380013800a\"}", "'number'", "only digits");
    assertBad("call.dial", "{\"number\": \"+1 555\"}", "'number'", "not a valid phone number");
    assertBad("call.dial", "{\"number\": \"" + "1".repeat(65) + "\"}", "'number'", "longer");
    assertBad(
        "call.dial",
        "{\"number\": \"13800138000\", \"customerId\": 0}",
        "'customerId'",
        "positive");
    assertBad(
        "call.dial", "{\"number\": \"13800138000\", \"customerId\": 1.5}", "'customerId'", "id");
  }

  @Test
  void transfersNameTheirTarget() {
    assertThat(
            parse(
                "call.transfer",
                "{\"mode\": \"blind\", \"to\": {\"kind\": \"queue\", \"value\": \"support\"}}"))
        .isEqualTo(
            new CallCommand.Transfer(
                false, new TransferTarget(TransferTarget.Kind.QUEUE, "support")));
    assertThat(
            parse(
                "call.transfer",
                "{\"mode\": \"attended\", \"to\": {\"kind\": \"agent\", \"value\": 12}}"))
        .isEqualTo(
            new CallCommand.Transfer(true, new TransferTarget(TransferTarget.Kind.AGENT, "12")));
    assertThat(
            parse(
                "call.transfer",
                "{\"mode\": \"blind\", \"to\": {\"kind\": \"number\", \"value\": \"13800138000\"}}"))
        .isEqualTo(
            new CallCommand.Transfer(
                false, new TransferTarget(TransferTarget.Kind.NUMBER, "+8613800138000")));
  }

  @Test
  void badTransfersNameTheField() {
    assertBad("call.transfer", "{\"to\": {}}", "'mode' is required");
    assertBad("call.transfer", "{\"mode\": \"blind\"}", "'to' is required");
    assertBad("call.transfer", "{\"mode\": \"blind\", \"to\": \"support\"}", "'to' must be");
    assertBad(
        "call.transfer",
        "{\"mode\": \"blind\", \"to\": {\"kind\": \"pizza\", \"value\": \"x\"}}",
        "'to.kind' must be one of agent, queue, number");
    assertBad(
        "call.transfer",
        "{\"mode\": \"blind\", \"to\": {\"kind\": \"queue\", \"value\": \"sup port\"}}",
        "'to.value'",
        "queue name");
    assertBad(
        "call.transfer",
        "{\"mode\": \"blind\", \"to\": {\"kind\": \"agent\", \"value\": \"ann\"}}",
        "'to.value'",
        "id");
  }

  @Test
  void recordingAndWrapUp() {
    assertThat(parse("call.recording", "{\"action\": \"pause\"}"))
        .isEqualTo(new CallCommand.Recording(true));
    assertThat(parse("call.recording", "{\"action\": \"resume\"}"))
        .isEqualTo(new CallCommand.Recording(false));
    assertThat(parse("call.hangup", "{}")).isEqualTo(new CallCommand.Hangup());
    assertThat(
            parse(
                "call.wrapup",
                "{\"linkedId\": \"1700000000.1\", \"code\": \"sale\", \"note\": \"ok\","
                    + " \"customerId\": 3}"))
        .isEqualTo(new CallCommand.WrapUp("1700000000.1", null, "sale", "ok", 3L));
    assertThat(
            parse(
                "call.wrapup",
                "{\"linkedId\": \"1700000000.1\", \"serverId\": \"pbx2\", \"code\": \"sale\"}"))
        .isEqualTo(new CallCommand.WrapUp("1700000000.1", "pbx2", "sale", "", null));
  }

  @Test
  void badWrapUpsNameTheField() {
    assertBad("call.wrapup", "{\"code\": \"sale\"}", "'linkedId' is required");
    assertBad(
        "call.wrapup",
        "{\"linkedId\": \"" + "1".repeat(65) + "\", \"code\": \"sale\"}",
        "'linkedId'",
        "64");
    assertBad("call.wrapup", "{\"linkedId\": \"a b\", \"code\": \"sale\"}", "'linkedId'");
    assertBad("call.wrapup", "{\"linkedId\": \"1.1\"}", "'code' is required");
    assertBad("call.wrapup", "{\"linkedId\": \"1.1\", \"code\": \"SALE\"}", "'code'", "SALE");
    assertBad(
        "call.wrapup", "{\"linkedId\": \"1.1\", \"code\": \"sale\", \"note\": 5}", "'note' must");
    assertBad("call.recording", "{\"action\": \"stop\"}", "'action' must be one of pause, resume");
    assertThatThrownBy(() -> parse("call.fly", "{}"))
        .hasMessageContaining("unknown call command 'call.fly'");
  }
}
