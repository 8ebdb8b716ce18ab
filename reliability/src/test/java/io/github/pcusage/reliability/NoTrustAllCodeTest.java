package io.github.pcusage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TLS is left to OkHttp's defaults: no main source of the project implements a trust manager or a
 * hostname verifier that accepts everything, or turns certificate checks off.
 */
class NoTrustAllCodeTest {
  private static final List<Pattern> TRUST_ALL =
      List.of(
          Pattern.compile("implements\\s+[\\w.]*X509(Extended)?TrustManager"),
          Pattern.compile("new\\s+[\\w.]*X509(Extended)?TrustManager\\s*\\("),
          Pattern.compile("extends\\s+[\\w.]*X509ExtendedTrustManager"),
          Pattern.compile(
              "checkServerTrusted\\s*\\([^)]*\\)\\s*(throws[^{]*)?\\{\\s*(return\\s*;\\s*)?}"),
          Pattern.compile(
              "getAcceptedIssuers\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+(null|new\\s+[\\w.]*X509Certificate\\s*\\[\\s*0\\s*])"),
          Pattern.compile("implements\\s+[\\w.]*HostnameVerifier"),
          Pattern.compile(
              "hostnameVerifier\\s*\\(\\s*\\(?\\s*\\w*\\s*,?\\s*\\w*\\s*\\)?\\s*->\\s*true"),
          Pattern.compile("(?s)HostnameVerifier\\s*\\(\\s*\\)\\s*\\{.*?return\\s+true"),
          Pattern.compile(
              "verify\\s*\\(\\s*String\\s+\\w+\\s*,\\s*[\\w.]*SSLSession\\s+\\w+\\s*\\)\\s*\\{\\s*return\\s+true"),
          Pattern.compile(
              "NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|TrustAllStrategy|TrustSelfSignedStrategy"
                  + "|InsecureTrustManagerFactory|trustAllCerts|TrustAllCerts|disableCertificateValidation"),
          Pattern.compile("setDefaultHostnameVerifier|setDefaultSSLSocketFactory"),
          Pattern.compile(
              "SSLContext\\.getInstance\\(\"(SSL|TLS)\"\\)[^;]*;\\s*\\w+\\.init\\(\\s*null\\s*,\\s*new\\s+TrustManager"));

  @Test
  void noMainSourceTrustsEveryCertificateOrHostname() throws IOException {
    Path root = Path.of(System.getProperty("reliability.repoRoot", "..")).toRealPath();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".kt"))
          .filter(
              p ->
                  p.toString().contains("/src/main/")
                      || p.toString().contains("/generated-sources/"))
          .filter(p -> !p.toString().contains("/.git/"))
          .forEach(sources::add);
    }
    assertThat(sources).as("main sources found under " + root).hasSizeGreaterThan(50);
    List<String> findings = new ArrayList<>();
    for (Path source : sources) {
      findings.addAll(
          scan(
              root.relativize(source).toString(),
              Files.readString(source, StandardCharsets.UTF_8)));
    }
    assertThat(findings).as("trust-all TLS code").isEmpty();
  }

  @Test
  void theScanFindsTheUsualTrustAllShapes() {
    String bad =
        "class Naive implements X509TrustManager {\n"
            + "  public void checkServerTrusted(X509Certificate[] chain, String authType) {}\n"
            + "  public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }\n}\n"
            + "builder.hostnameVerifier((hostname, session) -> true);\n"
            + "HostnameVerifier v = new HostnameVerifier() { public boolean verify(String h, SSLSession s) { return true; } };";
    assertThat(scan("Naive.java", bad)).hasSizeGreaterThanOrEqualTo(5);
  }

  private static List<String> scan(String name, String text) {
    List<String> found = new ArrayList<>();
    for (Pattern pattern : TRUST_ALL) {
      var matcher = pattern.matcher(text);
      while (matcher.find()) {
        found.add(name + ": " + matcher.group().replaceAll("\\s+", " "));
      }
    }
    return found;
  }
}
