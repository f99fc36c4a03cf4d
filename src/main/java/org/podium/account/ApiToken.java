package org.podium.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A bearer token for the REST API. Tokens are 256 random bits, so a plain SHA-256 of the token is
 * enough to store: it cannot be reversed or guessed.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = ApiToken.BY_HASH,
    query =
        "select t from ApiToken t join fetch t.account where t.tokenHash = :hash and t.revokedAt is null")
@NamedQuery(
    name = ApiToken.OF_ACCOUNT,
    query =
        "select t from ApiToken t where t.account = :account order by t.createdAt desc, t.id desc")
public class ApiToken {

  static final String BY_HASH = "ApiToken.byHash";
  static final String OF_ACCOUNT = "ApiToken.ofAccount";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(Account account, String name, String token) {
    this.account = Objects.requireNonNull(account, "account");
    this.name = Objects.requireNonNull(name, "name");
    this.tokenHash = hash(token);
    this.createdAt = Instant.now();
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  void revoke() {
    if (revokedAt == null) {
      revokedAt = Instant.now();
    }
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiToken token && tokenHash.equals(token.tokenHash);
  }

  @Override
  public int hashCode() {
    return tokenHash.hashCode();
  }
}
