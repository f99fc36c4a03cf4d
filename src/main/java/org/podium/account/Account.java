package org.podium.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A person who signs in to Podium: an administrator, an organizer or a participant. */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_USERNAME,
    query = "select a from Account a where a.username = :username")
@NamedQuery(
    name = Account.COUNT_WITH_ROLE,
    query = "select count(a) from Account a where :role member of a.roles")
public class Account {

  public static final String BY_USERNAME = "Account.byUsername";
  public static final String COUNT_WITH_ROLE = "Account.countWithRole";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Size(min = 3, max = 40)
  @Pattern(
      regexp = "[a-z0-9][a-z0-9_.-]*",
      message =
          "may contain lower-case letters, digits, '.', '_' and '-', starting with a letter or digit")
  @Column(nullable = false, unique = true, updatable = false)
  private String username;

  @NotBlank
  @Email
  @Size(max = 254)
  @Column(nullable = false, unique = true)
  private String email;

  @NotBlank
  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role", nullable = false)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  protected Account() {}

  public Account(String username, String email, String passwordHash, Set<Role> roles) {
    this.username = Objects.requireNonNull(username, "username");
    this.email = Objects.requireNonNull(email, "email");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Set<Role> getRoles() {
    return Collections.unmodifiableSet(roles);
  }

  void setRoles(Set<Role> roles) {
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  /**
   * Replaces the password (its hash) and notes when: browser sessions that signed in before now end
   * ({@link PodiumAuthentication}). Millisecond precision, as the sessions note their sign-in.
   */
  void changePassword(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    this.passwordChangedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** When the password last changed after sign-up, or null. */
  public Instant getPasswordChangedAt() {
    return passwordChangedAt;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Account account && username.equals(account.username);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return "Account[" + username + "]";
  }
}
