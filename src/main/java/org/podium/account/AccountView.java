package org.podium.account;

import java.time.Instant;
import java.util.List;

/** An account as the API answers it and the administrators' page lists it. */
public record AccountView(
    long id, String username, String email, Instant createdAt, List<String> roles) {

  static AccountView of(Account account) {
    return new AccountView(
        account.getId(),
        account.getUsername(),
        account.getEmail(),
        account.getCreatedAt(),
        account.getRoles().stream().map(Role::name).sorted().toList());
  }

  /** Whether it has the role named {@code role} (for pages). */
  public boolean has(String role) {
    return roles.contains(Role.valueOf(role).name());
  }
}
