package org.podium.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.podium.platform.PodiumConfig;

/**
 * Makes sure an installation always has an administrator: at the first start, an account with every
 * role, whose password is generated once and kept in {@code PODIUM_HOME}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class AccountBootstrap {

  private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

  @PersistenceContext EntityManager entityManager;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject PodiumConfig config;

  @PostConstruct
  void ensureAdministrator() {
    long administrators =
        entityManager
            .createNamedQuery(Account.COUNT_WITH_ROLE, Long.class)
            .setParameter("role", Role.ADMIN)
            .getSingleResult();
    if (administrators > 0) {
      return;
    }
    BootstrapCredentials credentials =
        BootstrapCredentials.readOrCreate(
            config.home(), config.adminUsername(), config.adminPassword());
    entityManager.persist(
        new Account(
            credentials.username(),
            config.adminEmail(),
            passwordHash.generate(credentials.password().toCharArray()),
            EnumSet.allOf(Role.class)));
    LOG.info(
        () ->
            "Created the bootstrap administrator '"
                + credentials.username()
                + "'; the password is in "
                + config.home().resolve(BootstrapCredentials.FILE_NAME));
  }
}
