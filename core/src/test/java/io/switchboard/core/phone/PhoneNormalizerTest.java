package io.switchboard.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  private final PhoneNormalizer china = new PhoneNormalizer("CN");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+86 138 0013 8000",
        "+8613800138000",
        "8613800138000",
        "013800138000",
        "008613800138000",
        "0086 138 0013 8000",
        "138-0013-8000",
        "13800138000",
        "(138) 0013 8000",
        "tel:+86-138-0013-8000",
        " 138.0013.8000 "
      })
  void aChineseMobileInEveryUsualFormatHasOneE164Form(String input) {
    assertThat(china.normalize(input).e164()).contains("+8613800138000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"010 6552 9988", "(010) 65529988", "+86 10 6552 9988", "0086-10-65529988"})
  void aBeijingFixedLineWithTrunkPrefixOrCountryCodeHasOneE164Form(String input) {
    assertThat(china.normalize(input).e164()).contains("+861065529988");
  }

  @Test
  void aForeignNumberKeepsItsOwnCountry() {
    assertThat(china.normalize("+44 20 7946 0018").e164()).contains("+442079460018");
    assertThat(china.normalize("0044 20 7946 0018").e164()).contains("+442079460018");
    assertThat(new PhoneNormalizer("GB").normalize("020 7946 0018").e164())
        .contains("+442079460018");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "anonymous",
        "12",
        "+999 1234 5678",
        "138OO138000",
        "1380013800012345678901"
      })
  void somethingThatIsNotAValidNumberIsRejectedWithAReason(String input) {
    PhoneNormalizer.Result result = china.normalize(input);

    assertThat(result.e164()).isEmpty();
    assertThat(result.problem()).isNotBlank();
  }

  @Test
  void aLookupTakesAParseableNumberEvenOutsideKnownRanges() {
    assertThat(china.normalize("+86 100 0000").e164()).isEmpty();
    assertThat(china.normalizeForLookup("+86 100 0000").e164()).contains("+861000000");
    assertThat(china.normalizeForLookup("unknown").problem()).contains("not a phone number");
  }

  @Test
  void overlongInputIsRefusedBeforeParsing() {
    assertThat(china.normalize("1".repeat(65)).problem()).contains("longer than 64");
  }

  @Test
  void anUnknownDefaultRegionNamesTheSetting() {
    assertThatThrownBy(() -> new PhoneNormalizer("XX"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("crm.default-region:");
  }
}
