package io.github.pcusage.reliability;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TokenProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain {@code http://} is refused for any host that is not a literal loopback address. */
class PlainHttpTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.partnercenter.microsoft.com",
        "http://example.com:80/",
        "http://10.0.0.1",
        "http://192.168.1.10:8080",
        "http://0.0.0.0",
        "http://[::]",
        "http://[fe80::1]",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "http://localtest.me",
        "HTTP://EXAMPLE.COM",
        "http://169.254.169.254/latest",
      })
  void plainHttpToAHostThatIsNotLoopbackIsRefused(String baseUrl) {
    assertThatThrownBy(
            () ->
                PartnerCenterClient.builder()
                    .baseUrl(baseUrl)
                    .tokenProvider(TokenProvider.of("t"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://localhost:1",
        "http://[::1]:9",
        "http://127.5.6.7"
      })
  void plainHttpToLoopbackIsAllowedForSandboxesAndTests(String baseUrl) {
    assertThatCode(
            () ->
                PartnerCenterClient.builder()
                    .baseUrl(baseUrl)
                    .tokenProvider(TokenProvider.of("t"))
                    .build()
                    .close())
        .doesNotThrowAnyException();
  }
}
