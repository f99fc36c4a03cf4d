package org.podium.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Instant;
import org.podium.platform.problem.Problem;

/**
 * Passwords after sign-up: their owner changes theirs (giving the current one), an administrator
 * resets someone else's (no mail: the administrator chooses it or Podium generates one, shown
 * once). Either way every browser session signed in before ends at its next request ({@link
 * PodiumAuthentication}); a reset also revokes the account's API tokens, since whoever knew the old
 * password may have made some.
 */
@Stateless
public class Passwords {

  private static final SecureRandom RANDOM = new SecureRandom();

  // Easy to read out and type: no 0/O, 1/l/I. 20 of 54 characters: over 110 bits.
  private static final String GENERATED_ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int GENERATED_LENGTH = 20;

  @PersistenceContext EntityManager entityManager;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject AccountFields fields;

  @Inject Accounts accounts;

  /**
   * A password reset by an administrator: the new password only when Podium generated it (the only
   * time it is shown), and how many of the account's API tokens were revoked.
   */
  public record Reset(String username, String password, int tokensRevoked)
      implements java.io.Serializable {}

  /**
   * The caller's own password, after they gave the current one. Their browser sessions end (the
   * page that asked keeps its own by signing in anew); their API tokens stay.
   */
  public void change(Account caller, String currentPassword, String newPassword) {
    Account account = locked(caller.getUsername());
    if (currentPassword == null
        || currentPassword.isEmpty()
        || !passwordHash.verify(currentPassword.toCharArray(), account.getPasswordHash())) {
      throw Problem.invalidField(
          "currentPassword", "Your current password is not this one: type it again.");
    }
    fields.newPassword("newPassword", newPassword);
    if (newPassword.equals(currentPassword)) {
      throw Problem.invalidField(
          "newPassword", "Choose a new password that differs from your current one.");
    }
    account.changePassword(passwordHash.generate(newPassword.toCharArray()), Instant.now());
  }

  /**
   * Resets another account's password: administrators only. {@code newPassword} null or blank makes
   * Podium generate one. The account's browser sessions end and its API tokens are revoked.
   */
  public Reset reset(Account caller, String username, String newPassword) {
    Accounts.requireAdmin(caller);
    if (caller.getUsername().equals(username)) {
      throw Problem.invalidField(
          "password",
          "Change your own password on \"Your account\": it asks for your current one.");
    }
    boolean generate = newPassword == null || newPassword.isBlank();
    String password = generate ? generated() : fields.newPassword("password", newPassword);
    Account account = locked(username);
    Instant now = Instant.now();
    account.changePassword(passwordHash.generate(password.toCharArray()), now);
    int revoked =
        entityManager
            .createQuery(
                "update ApiToken t set t.revokedAt = :now"
                    + " where t.account = :account and t.revokedAt is null")
            .setParameter("now", now)
            .setParameter("account", account)
            .executeUpdate();
    return new Reset(account.getUsername(), generate ? password : null, revoked);
  }

  private Account locked(String username) {
    Account account =
        accounts.find(username).orElseThrow(() -> Problem.notFound("account " + username));
    // read again under the lock: two changes at once take turns, the second sees the first's hash
    entityManager.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    return account;
  }

  private static String generated() {
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(GENERATED_ALPHABET.charAt(RANDOM.nextInt(GENERATED_ALPHABET.length())));
    }
    return password.toString();
  }
}
