package org.podium.account;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a username and password against Podium's accounts; the account's roles become the caller's
 * groups. Its presence also makes WildFly activate Jakarta Security for the application.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @PersistenceContext EntityManager entityManager;

  @Inject Pbkdf2PasswordHash passwordHash;

  // Verified against when the username is unknown, so that a wrong username takes as long as a
  // wrong password and response times do not tell which accounts exist.
  private String unknownAccountHash;

  @PostConstruct
  void init() {
    unknownAccountHash = passwordHash.generate("not a password".toCharArray());
  }

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    Account account =
        entityManager
            .createNamedQuery(Account.BY_USERNAME, Account.class)
            .setParameter("username", credential.getCaller())
            .getResultStream()
            .findFirst()
            .orElse(null);
    String hash = account == null ? unknownAccountHash : account.getPasswordHash();
    boolean matches = passwordHash.verify(credential.getPassword().getValue(), hash);
    if (account == null || !matches) {
      return INVALID_RESULT;
    }
    Set<String> groups = account.getRoles().stream().map(Role::name).collect(Collectors.toSet());
    return new CredentialValidationResult(account.getUsername(), groups);
  }
}
