package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Participants' references may not reach the operator's own network through the engine. */
class RegistryPolicyTest {

  private final RegistryPolicy defaults = RegistryPolicy.allowing();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:5000/x:1",
        "127.0.0.1:9990/x:1",
        "127.0.0.1/x:1",
        "[::1]:5000/x:1",
        "0.0.0.0:5000/x:1",
        "169.254.169.254/x:1",
        "10.1.2.3:5000/x:1",
        "172.16.0.1/x:1",
        "172.31.255.1/x:1",
        "192.168.1.10:443/x:1",
        "[fc00::1]:5000/x:1",
        "[fd12:3456::1]/x:1",
        "[fe80::1]/x:1",
        "[::ffff:127.0.0.1]:5000/x:1",
        "127.1:5000/x:1",
        "2130706433:5000/x:1",
        "0x7f.0.0.1:5000/x:1",
        "100.64.0.1/x:1"
      })
  void privateLoopbackAndLinkLocalRegistriesAreRefusedByDefault(String reference) {
    InvalidImageException refused =
        assertThrows(
            InvalidImageException.class, () -> defaults.check(ImageReference.parse(reference)));

    assertTrue(refused.getMessage().contains("only from public registries"), refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"team/model:1", "8.8.8.8/x:1", "[2001:4860:4860::8888]/x:1"})
  void publicRegistriesAreAllowed(String reference) {
    assertDoesNotThrow(() -> defaults.check(ImageReference.parse(reference)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:5000/x:1", "localhost:5000/x:1", "10.0.0.7/x:1"})
  void registriesTheOperatorListsAreAllowed(String reference) {
    RegistryPolicy listed = RegistryPolicy.allowing("127.0.0.1:5000", "localhost:5000", "10.0.0.7");

    assertDoesNotThrow(() -> listed.check(ImageReference.parse(reference)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:5001/x:1", "127.0.0.1/x:1"})
  void aListedHostAndPortAllowsNoOtherPort(String reference) {
    RegistryPolicy listed = RegistryPolicy.allowing("127.0.0.1:5000");

    InvalidImageException refused =
        assertThrows(
            InvalidImageException.class, () -> listed.check(ImageReference.parse(reference)));
    assertTrue(
        refused
            .getMessage()
            .endsWith("127.0.0.1:5000, which the operator allows: push the image to one of them."),
        refused.getMessage());
  }
}
