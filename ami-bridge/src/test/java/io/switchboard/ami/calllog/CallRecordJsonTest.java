package io.switchboard.ami.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ami.tracker.CallRecord;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class CallRecordJsonTest {

  @Test
  void aCallRecordWithEveryListSurvivesItsJsonLine() {
    CallRecord record = SampleCalls.answered("pbx1", "1700000000.1");

    String line = CallRecordJson.toJson(record).encode();

    assertThat(line).doesNotContain("\n");
    assertThat(CallRecordJson.fromJson(new JsonObject(line))).isEqualTo(record);
  }

  @Test
  void aRecordWithoutOptionalFieldsSurvivesToo() {
    CallRecord record = SampleCalls.busyOriginate("pbx1", "swb-o-1002");

    assertThat(CallRecordJson.fromJson(CallRecordJson.toJson(record))).isEqualTo(record);
  }

  @Test
  void aRecordMissingItsEndIsRefusedNamingTheField() {
    JsonObject json = CallRecordJson.toJson(SampleCalls.answered("pbx1", "1.1"));
    json.remove("endedAt");

    assertThatThrownBy(() -> CallRecordJson.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'endedAt' is missing");
  }
}
