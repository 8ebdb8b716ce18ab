package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.ProxyOptions;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProxiesTest {
  @Test
  void httpsProxyIsUsedExceptForLoopbackAndNoProxyHosts() {
    ProxySelector selector =
        Proxies.selector(Proxies.parse("http://proxy.corp.example:3128"), "internal.example, .lab");

    Proxy proxy =
        selector.select(URI.create("https://api.partnercenter.microsoft.com/v1/customers")).get(0);
    assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
    assertThat(((InetSocketAddress) proxy.address()).getHostString())
        .isEqualTo("proxy.corp.example");
    assertThat(((InetSocketAddress) proxy.address()).getPort()).isEqualTo(3128);
    assertThat(selector.select(URI.create("http://127.0.0.1:8080/v1")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://api.internal.example/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://x.lab/"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void proxyWithoutSchemeOrPortDefaultsToHttpOn80() {
    ProxySelector selector = Proxies.selector(Proxies.parse("proxy.example"), null);

    InetSocketAddress address =
        (InetSocketAddress) selector.select(URI.create("https://a.example/")).get(0).address();
    assertThat(address.getPort()).isEqualTo(80);
  }

  @Test
  void signInUsesTheSameHttpsProxyAndNoProxyAsTheApiCalls() {
    ProxyOptions options =
        Proxies.signInProxy(
            java.util.Map.of(
                "HTTPS_PROXY",
                "http://ops:p%40ss@127.0.0.1:3128",
                "NO_PROXY",
                "internal.example, .lab"));

    assertThat(options).isNotNull();
    assertThat(options.getType()).isEqualTo(ProxyOptions.Type.HTTP);
    assertThat(options.getAddress().getPort()).isEqualTo(3128);
    assertThat(options.getAddress().getHostString()).isEqualTo("127.0.0.1");
    assertThat(options.getUsername()).isEqualTo("ops");
    assertThat(options.getPassword()).isEqualTo("p@ss");
    java.util.regex.Pattern bypass = java.util.regex.Pattern.compile(options.getNonProxyHosts());
    assertThat(bypass.matcher("internal.example").matches()).isTrue();
    assertThat(bypass.matcher("x.lab").matches()).isTrue();
    assertThat(bypass.matcher("api.partnercenter.microsoft.com").matches()).isFalse();
  }

  @Test
  void signInHasNoProxyWhenNoneIsSet() {
    assertThat(Proxies.signInProxy(java.util.Map.of())).isNull();
  }
}
