package com.spaceduck.identity.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetRulesTest {

  private final TargetRules prod = new TargetRules(false, 2048);
  private final TargetRules dev = new TargetRules(true, 2048);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/in",
        "https://hooks.example.com:8443/in?x=1",
        "https://93.184.216.34/in",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/in"
      })
  void publicHttpsTargetsAreAccepted(String url) {
    assertEquals(Optional.empty(), prod.checkUrl(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.example.com/in",
        "ftp://hooks.example.com/in",
        "hooks.example.com/in",
        "https://localhost/in",
        "https://127.0.0.1/in",
        "https://[::1]/in",
        "https://10.1.2.3/in",
        "https://172.16.0.1/in",
        "https://192.168.1.1/in",
        "https://100.64.0.1/in",
        "https://[fd12:3456::1]/in",
        "https://user:pass@hooks.example.com/in",
        "not a url at all"
      })
  void insecureOrPrivateTargetsAreRefusedInProduction(String url) {
    assertTrue(prod.checkUrl(url).isPresent(), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/in", "http://127.0.0.1:9/in", "http://10.0.0.1/"})
  void theSwitchAllowsLocalReceivers(String url) {
    assertEquals(Optional.empty(), dev.checkUrl(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "https://169.254.1.1/",
        "https://[fd00:ec2::254]/",
        "https://[fe80::1]/",
        "https://0.0.0.0/",
        "https://224.0.0.1/"
      })
  void linkLocalAndMetadataTargetsAreRefusedEvenWithTheSwitch(String url) {
    assertTrue(dev.checkUrl(url).isPresent(), url);
    assertTrue(prod.checkUrl(url).isPresent(), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.7", "192.168.0.2", "::1"})
  void resolvedPrivateAddressesAreRefusedWithoutTheSwitch(String address) throws Exception {
    assertTrue(prod.checkAddress(InetAddress.getByName(address)).isPresent());
    assertEquals(Optional.empty(), dev.checkAddress(InetAddress.getByName(address)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254"})
  void resolvedMetadataAddressesAreAlwaysRefused(String address) throws Exception {
    assertTrue(dev.checkAddress(InetAddress.getByName(address)).isPresent());
  }

  @org.junit.jupiter.api.Test
  void overlongUrlsAreRefused() {
    assertTrue(prod.checkUrl("https://hooks.example.com/" + "a".repeat(2048)).isPresent());
  }
}
