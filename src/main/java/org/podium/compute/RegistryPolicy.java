package org.podium.compute;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which registries a participant's reference may name. The engine pulls from inside the operator's
 * network, so a registry that is, or resolves to, a loopback, link-local, private or otherwise
 * non-public address is refused unless the operator lists it: otherwise a participant could probe
 * the operator's network through the engine. Checked when a reference is submitted and again before
 * every pull (a name may resolve elsewhere by then). The engine resolves the name once more itself;
 * a DNS server that answers differently within that second is not covered.
 *
 * @param allowed the operator's list, {@code host} (any port) or {@code host:port}, read on every
 *     check so that a change applies without a restart
 */
public record RegistryPolicy(Supplier<List<String>> allowed) {

  /** Numeric forms other than dotted decimal ("127.1", "0x7f.0.0.1", "2130706433"). */
  private static final Pattern NUMERIC = Pattern.compile("[0-9a-fA-FxX.]+");

  private static final Pattern DOTTED_QUAD = Pattern.compile("(?:[0-9]{1,3}\\.){3}[0-9]{1,3}");

  public RegistryPolicy {
    Objects.requireNonNull(allowed, "allowed");
  }

  /** A fixed list, for tests and tools. */
  public static RegistryPolicy allowing(String... registries) {
    List<String> list = List.of(registries);
    return new RegistryPolicy(() -> list);
  }

  /**
   * Refuses a participant's reference to a registry that is not public, unless listed.
   *
   * @throws InvalidImageException naming the registry and what the operator allows
   */
  public void check(ImageReference reference) {
    if (reference.registry().isEmpty()) {
      return; // Docker Hub
    }
    String registry = reference.registry().get().toLowerCase(Locale.ROOT);
    if (isListed(registry)) {
      return;
    }
    String host = host(registry);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      throw refused(registry, "is this machine");
    }
    if (NUMERIC.matcher(host).matches() && !isName(host) && !DOTTED_QUAD.matcher(host).matches()) {
      throw refused(registry, "is a numeric address in an unusual form");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      // Not found now: the pull, checked again, fails with the same generic error as any other.
      return;
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw refused(registry, "is a private, loopback or link-local address");
      }
    }
  }

  /** Whether the registry is on the operator's list (host with any port, or host:port). */
  private boolean isListed(String registry) {
    String host = host(registry);
    for (String entry : allowed.get()) {
      String listed = entry.trim().toLowerCase(Locale.ROOT);
      if (!listed.isEmpty() && (listed.equals(registry) || listed.equals(host))) {
        return true;
      }
    }
    return false;
  }

  private InvalidImageException refused(String registry, String why) {
    List<String> listed =
        allowed.get().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new InvalidImageException(
        "The registry "
            + registry
            + " "
            + why
            + ": Podium pulls participants' images only from public registries"
            + (listed.isEmpty()
                ? ""
                : " and from " + String.join(", ", listed) + ", which the operator allows")
            + ": push the image to one of them.");
  }

  /** The host of {@code host[:port]} or {@code [v6][:port]}, without brackets. */
  static String host(String registry) {
    if (registry.startsWith("[")) {
      int close = registry.indexOf(']');
      return close < 0 ? registry : registry.substring(1, close);
    }
    int colon = registry.lastIndexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }

  /** A host like {@code cafe.example} is hex-looking yet a name: it has a letter past 'f'. */
  private static boolean isName(String host) {
    for (String label : host.split("\\.")) {
      if (!label.isEmpty() && !label.matches("[0-9]+") && !label.matches("0[xX][0-9a-fA-F]*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an address is on the public internet: not loopback, private, link-local and the like.
   */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    int first = bytes[0] & 0xff;
    if (bytes.length == 4) {
      int second = bytes[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved, broadcast
    }
    // IPv6: unique local fc00::/7 (site-local fec0::/10 and link-local fe80::/10 are above)
    return (first & 0xfe) != 0xfc;
  }
}
