package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.UserTransaction;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.platform.PodiumConfig;
import org.podium.testing.Deployments;

@ExtendWith(ArquillianExtension.class)
class AccountPersistenceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @PersistenceContext EntityManager entityManager;

  @Inject UserTransaction transaction;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject PodiumConfig config;

  @Inject Accounts accounts;

  @jakarta.annotation.Resource jakarta.enterprise.concurrent.ManagedExecutorService executor;

  /**
   * Two administrators taking the role from each other at once take turns on the administrators'
   * role rows: the second waits until the first commits and then counts what is left, so the
   * last-administrator rule cannot be raced. (Before, each counted two administrators and both went
   * ahead.)
   */
  @Test
  void administratorsTakingTheRoleFromEachOtherTakeTurns() throws Exception {
    Account x = admin(unique("x"));
    Account y = admin(unique("y"));

    transaction.begin();
    accounts.setRoles(x, y.getUsername(), EnumSet.of(Role.PARTICIPANT));
    java.util.concurrent.Future<AccountView> second =
        executor.submit(() -> accounts.setRoles(y, x.getUsername(), EnumSet.of(Role.PARTICIPANT)));
    assertThrows(
        java.util.concurrent.TimeoutException.class,
        () -> second.get(2, java.util.concurrent.TimeUnit.SECONDS),
        "the second change waits for the first");
    transaction.commit();
    second.get(30, java.util.concurrent.TimeUnit.SECONDS);

    entityManager.clear();
    assertFalse(accounts.find(x.getUsername()).orElseThrow().hasRole(Role.ADMIN));
    assertFalse(accounts.find(y.getUsername()).orElseThrow().hasRole(Role.ADMIN));
    assertTrue(
        accounts.find(config.adminUsername()).orElseThrow().hasRole(Role.ADMIN),
        "the bootstrap administrator is still one");
  }

  /**
   * Two administrators toggling the same role of an account at once: the second waits for the first
   * and toggles what it left, so the account ends as it began (before, both read "no role" and both
   * gave it).
   */
  @Test
  void twoTogglesAtOnceCancelOut() throws Exception {
    Account x = admin(unique("tx"));
    Account y = admin(unique("ty"));
    String someone = admin(unique("ts")).getUsername();
    accounts.toggleRole(x, someone, Role.ORGANIZER);
    accounts.toggleRole(x, someone, Role.ORGANIZER);
    entityManager.clear();
    boolean before = accounts.find(someone).orElseThrow().hasRole(Role.ORGANIZER);

    transaction.begin();
    boolean first = accounts.toggleRole(x, someone, Role.ORGANIZER);
    java.util.concurrent.Future<Boolean> second =
        executor.submit(() -> accounts.toggleRole(y, someone, Role.ORGANIZER));
    assertThrows(
        java.util.concurrent.TimeoutException.class,
        () -> second.get(2, java.util.concurrent.TimeUnit.SECONDS),
        "the second toggle waits for the first");
    transaction.commit();

    assertEquals(!first, second.get(30, java.util.concurrent.TimeUnit.SECONDS));
    entityManager.clear();
    assertEquals(before, accounts.find(someone).orElseThrow().hasRole(Role.ORGANIZER));
  }

  @Test
  void toggleRoleGivesThenTakesAway() throws Exception {
    Account x = admin(unique("t"));
    Account someone = admin(unique("s"));
    assertFalse(accounts.toggleRole(x, someone.getUsername(), Role.ADMIN), "taken away");
    assertTrue(accounts.toggleRole(x, someone.getUsername(), Role.ADMIN), "given back");
    entityManager.clear();
    assertTrue(accounts.find(someone.getUsername()).orElseThrow().hasRole(Role.ADMIN));
  }

  private Account admin(String username) throws Exception {
    transaction.begin();
    Account account =
        new Account(username, username + "@example.org", "hash", EnumSet.of(Role.ADMIN));
    entityManager.persist(account);
    transaction.commit();
    return account;
  }

  @Test
  void accountRoundTripsThroughPostgresqlOnTheFlywaySchema() throws Exception {
    String username = unique("ada");
    transaction.begin();
    Account saved =
        new Account(
            username,
            username + "@example.org",
            "hash",
            EnumSet.of(Role.ORGANIZER, Role.PARTICIPANT));
    entityManager.persist(saved);
    transaction.commit();
    entityManager.clear();

    Account loaded =
        entityManager
            .createNamedQuery(Account.BY_USERNAME, Account.class)
            .setParameter("username", username)
            .getSingleResult();

    assertNotSame(saved, loaded);
    assertNotNull(loaded.getId());
    assertEquals(username + "@example.org", loaded.getEmail());
    assertEquals("hash", loaded.getPasswordHash());
    assertEquals(EnumSet.of(Role.ORGANIZER, Role.PARTICIPANT), loaded.getRoles());
    assertEquals(saved.getCreatedAt().toEpochMilli(), loaded.getCreatedAt().toEpochMilli());
  }

  @Test
  void schemaIsFlywaysAndRejectsADuplicateUsername() throws Exception {
    @SuppressWarnings("unchecked")
    List<String> applied =
        entityManager
            .createNativeQuery(
                "select version from flyway_schema_history where success order by installed_rank")
            .getResultList();
    assertEquals("1", applied.get(0));

    String username = unique("grace");
    transaction.begin();
    entityManager.persist(
        new Account(username, username + "@example.org", "hash", EnumSet.noneOf(Role.class)));
    transaction.commit();

    transaction.begin();
    try {
      Account duplicate =
          new Account(
              username, "other-" + username + "@example.org", "hash", EnumSet.noneOf(Role.class));
      assertThrows(
          PersistenceException.class,
          () -> {
            entityManager.persist(duplicate);
            entityManager.flush();
          });
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void bootstrapAdministratorHasEveryRoleAndThePasswordKeptInPodiumHome() {
    BootstrapCredentials credentials = BootstrapCredentials.read(config.home()).orElseThrow();
    Account admin =
        entityManager
            .createNamedQuery(Account.BY_USERNAME, Account.class)
            .setParameter("username", credentials.username())
            .getSingleResult();

    assertEquals(EnumSet.allOf(Role.class), admin.getRoles());
    assertTrue(passwordHash.verify(credentials.password().toCharArray(), admin.getPasswordHash()));
    assertFalse(passwordHash.verify("admin".toCharArray(), admin.getPasswordHash()));
  }

  /** Usernames unique per run, so the tests also pass against a reused PODIUM_DB_URL database. */
  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
