package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberMaskTest {

  @Test
  void aChineseMobileKeepsCountryCodeFirstThreeAndLastFourDigits() {
    assertThat(PhoneNumberMask.mask("+8613812348000")).isEqualTo("+86138****8000");
  }

  @Test
  void aNorthAmericanNumberKeepsItsOneDigitCountryCode() {
    assertThat(PhoneNumberMask.mask("+14155552671")).isEqualTo("+1415***2671");
  }

  @Test
  void aThreeDigitCountryCodeIsKeptWhole() {
    // Ireland, +353, a 9-digit national number: 3 digits hidden, so only 2 lead.
    assertThat(PhoneNumberMask.mask("+353861234567")).isEqualTo("+35386***4567");
  }

  @Test
  void separatorsOfTheNumberAsEnteredStay() {
    assertThat(PhoneNumberMask.mask("+86 138 1234 8000")).isEqualTo("+86 138 **** 8000");
    assertThat(PhoneNumberMask.mask("(010) 6552-8000")).isEqualTo("(010) ****-8000");
  }

  @Test
  void aNationalNumberHasNoCountryCodeToKeep() {
    assertThat(PhoneNumberMask.mask("13812348000")).isEqualTo("138****8000");
  }

  @Test
  void shortNumbersStillHideAtLeastThreeDigits() {
    assertThat(PhoneNumberMask.mask("5551234")).isEqualTo("***1234");
    assertThat(PhoneNumberMask.mask("8001")).isEqualTo("***1");
    assertThat(PhoneNumberMask.mask("112")).isEqualTo("***");
  }

  @Test
  void textWithoutDigitsIsLeftAlone() {
    assertThat(PhoneNumberMask.mask("")).isEmpty();
    assertThat(PhoneNumberMask.mask("n/a")).isEqualTo("n/a");
  }
}
