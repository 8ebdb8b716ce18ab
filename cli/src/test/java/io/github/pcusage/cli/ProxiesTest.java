package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProxiesTest {
  @Test
  void httpsProxyIsUsedExceptForLoopbackAndNoProxyHosts() {
    ProxySelector selector = Proxies.selector(Proxies.parse("http://proxy.corp.example:3128"), "internal.example, .lab");

    Proxy proxy = selector.select(URI.create("https://api.partnercenter.microsoft.com/v1/customers")).get(0);
    assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
    assertThat(((InetSocketAddress) proxy.address()).getHostString()).isEqualTo("proxy.corp.example");
    assertThat(((InetSocketAddress) proxy.address()).getPort()).isEqualTo(3128);
    assertThat(selector.select(URI.create("http://127.0.0.1:8080/v1"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://api.internal.example/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://x.lab/"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void proxyWithoutSchemeOrPortDefaultsToHttpOn80() {
    ProxySelector selector = Proxies.selector(Proxies.parse("proxy.example"), null);

    InetSocketAddress address = (InetSocketAddress) selector.select(URI.create("https://a.example/")).get(0).address();
    assertThat(address.getPort()).isEqualTo(80);
  }
}
