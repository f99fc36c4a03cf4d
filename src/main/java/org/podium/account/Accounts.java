package org.podium.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.PodiumConfig;
import org.podium.platform.Search;
import org.podium.platform.problem.Problem;

/** Accounts and their API tokens: registration, sign-in checks, tokens issued once, revoked. */
@Stateless
public class Accounts {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager entityManager;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject PodiumConfig config;

  @Inject TokenUses tokenUses;

  @Inject AccountFields fields;

  /** A token as issued: the only time its value is visible. */
  public record IssuedToken(long id, String name, String token) {}

  public AccountView register(String username, String email, String password) {
    if (!config.selfRegistration()) {
      throw Problem.forbidden(
          "Self-registration is switched off here: ask an administrator for an account.");
    }
    return AccountView.of(create(username, email, password, EnumSet.of(Role.PARTICIPANT)));
  }

  /**
   * Every field checked before the database (issue 15): all wrong fields at once, each with a
   * sentence next to it; then whether the username or email is taken.
   */
  public Account create(String username, String email, String password, EnumSet<Role> roles) {
    AccountFields.SignUp checked = fields.signUp(username, email, password);
    String name = checked.username();
    String mail = checked.email();
    if (find(name).isPresent()) {
      throw Problem.conflict(
          "username",
          "This username is taken: choose another.",
          "The username '" + name + "' is taken: choose another.");
    }
    Long sameEmail =
        entityManager
            .createQuery(
                "select count(a) from Account a where lower(a.email) = lower(:email)", Long.class)
            .setParameter("email", mail)
            .getSingleResult();
    if (sameEmail > 0) {
      throw Problem.conflict(
          "email",
          "An account with this email exists: sign in, or use another email.",
          "An account with this email exists: sign in, or use another email.");
    }
    Account account = new Account(name, mail, passwordHash.generate(password.toCharArray()), roles);
    entityManager.persist(account);
    // The id now, on every provider (EclipseLink assigns identity ids only when it writes).
    entityManager.flush();
    return account;
  }

  public Optional<Account> find(String username) {
    return entityManager
        .createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /**
   * Accounts by name, a page at a time, whose username or e-mail contains {@code q} (any case; null
   * for all): for administrators only.
   */
  public Page<AccountView> all(Account caller, String q, PageRequest request) {
    requireAdmin(caller);
    String pattern = Search.pattern("q", q);
    String where =
        pattern == null
            ? ""
            : " where lower(a.username) like :pattern"
                + Search.ESCAPE
                + " or lower(a.email) like :pattern"
                + Search.ESCAPE;
    TypedQuery<Account> items =
        entityManager.createQuery(
            "select a from Account a" + where + " order by a.username, a.id", Account.class);
    TypedQuery<Long> count =
        entityManager.createQuery("select count(a) from Account a" + where, Long.class);
    if (pattern != null) {
      items.setParameter("pattern", pattern);
      count.setParameter("pattern", pattern);
    }
    return Page.of(
        items
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultStream()
            .map(AccountView::of)
            .toList(),
        request,
        count.getSingleResult());
  }

  /** An account as its owner or an administrator sees it; 404 for anyone else. */
  public AccountView view(Account caller, String username) {
    Optional<Account> account = find(username);
    if (account.isEmpty()
        || !(caller.hasRole(Role.ADMIN)
            || account.get().getUsername().equals(caller.getUsername()))) {
      throw Problem.notFound("account " + username);
    }
    return AccountView.of(account.get());
  }

  /**
   * Gives an account exactly these roles: for administrators only. The installation always keeps an
   * administrator, so the last one cannot lose the role, and nobody removes their own.
   */
  public AccountView setRoles(Account caller, String username, Set<Role> roles) {
    requireAdmin(caller);
    return AccountView.of(changeRoles(caller, username, roles));
  }

  private Account changeRoles(Account caller, String username, Set<Role> roles) {
    Account account = find(username).orElseThrow(() -> Problem.notFound("account " + username));
    if (account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      if (account.equals(caller)) {
        throw Problem.invalidField(
            "roles", "You cannot remove your own admin role: ask another administrator.");
      }
      // Lock every administrator's role row and count them: two administrators taking the role
      // from each other at once take turns here, and the second one sees the first one's change
      // (a row deleted meanwhile is not returned), so Podium never ends with none.
      int admins =
          entityManager
              .createNativeQuery(
                  "select account_id from account_role where role = 'ADMIN' for update")
              .getResultList()
              .size();
      if (admins <= 1) {
        throw Problem.invalidField(
            "roles", "Podium needs at least one administrator: make another account one first.");
      }
    }
    account.setRoles(roles);
    entityManager.flush();
    return account;
  }

  /**
   * Gives {@code role} to the account, or takes it away when it has it, as one change: the account
   * row is locked while its roles are read and written, so two clicks never undo each other.
   *
   * @return whether the account has the role now
   */
  public boolean toggleRole(Account caller, String username, Role role) {
    requireAdmin(caller);
    Account account = find(username).orElseThrow(() -> Problem.notFound("account " + username));
    // Lock the row first, then read the roles in a statement of their own: a locking read that
    // joins the roles would see the roles as they were before it waited for the lock.
    entityManager.lock(account, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(account);
    Set<Role> roles =
        account.getRoles().isEmpty()
            ? EnumSet.noneOf(Role.class)
            : EnumSet.copyOf(account.getRoles());
    boolean giving = roles.add(role);
    if (!giving) {
      roles.remove(role);
    }
    changeRoles(caller, username, roles);
    return giving;
  }

  static void requireAdmin(Account caller) {
    if (!caller.hasRole(Role.ADMIN)) {
      throw Problem.forbidden("This needs the admin role: ask an administrator.");
    }
  }

  public IssuedToken issueToken(String username, String name) {
    Account account = find(username).orElseThrow(() -> Problem.unauthorized("Sign in first."));
    String tokenName = fields.tokenName(name);
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = "pdm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    ApiToken stored = new ApiToken(account, tokenName, token);
    entityManager.persist(stored);
    entityManager.flush();
    return new IssuedToken(stored.getId(), stored.getName(), token);
  }

  /** The account's tokens, newest first, a page at a time. */
  public Page<TokenView> tokens(String username, PageRequest request) {
    Account account = find(username).orElseThrow(() -> Problem.unauthorized("Sign in first."));
    return Page.of(
        entityManager
            .createNamedQuery(ApiToken.OF_ACCOUNT, ApiToken.class)
            .setParameter("account", account)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultStream()
            .map(Accounts::view)
            .toList(),
        request,
        entityManager
            .createQuery("select count(t) from ApiToken t where t.account = :account", Long.class)
            .setParameter("account", account)
            .getSingleResult());
  }

  /** One of the account's tokens; 404 when it is someone else's. */
  public TokenView token(String username, long tokenId) {
    ApiToken token = entityManager.find(ApiToken.class, tokenId);
    if (token == null || !token.getAccount().getUsername().equals(username)) {
      throw Problem.notFound("token " + tokenId);
    }
    return view(token);
  }

  private static TokenView view(ApiToken token) {
    return new TokenView(
        token.getId(),
        token.getName(),
        token.getCreatedAt(),
        token.getLastUsedAt(),
        token.getRevokedAt());
  }

  public void revokeToken(String username, long tokenId) {
    ApiToken token = entityManager.find(ApiToken.class, tokenId);
    if (token == null || !token.getAccount().getUsername().equals(username)) {
      throw Problem.notFound("token " + tokenId);
    }
    token.revoke();
  }

  /**
   * The account a live token belongs to. Read outside a transaction (every API call makes this
   * check, before the call's own transaction): a transaction of its own for one indexed read cost a
   * begin and a commit on every request (issue 14). The account comes back detached, with its
   * roles.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Account> authenticate(String token) {
    if (token == null || !token.startsWith("pdm_")) {
      return Optional.empty();
    }
    List<ApiToken> found =
        entityManager
            .createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
            .setParameter("hash", ApiToken.hash(token))
            .getResultList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    markUsed(found.get(0));
    return Optional.of(found.get(0).getAccount());
  }

  /**
   * How precisely a token's "last used" is kept: it is written at most once per this, not on every
   * call (a write per request was the largest cost of an API read).
   */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  /**
   * Notes that the token was used now, when its "last used" is older than {@link
   * #LAST_USED_RESOLUTION}: a conditional update, so concurrent calls (on any node) write it once.
   */
  private void markUsed(ApiToken token) {
    Instant now = Instant.now();
    Instant stale = now.minus(LAST_USED_RESOLUTION);
    if (token.getLastUsedAt() == null || !token.getLastUsedAt().isAfter(stale)) {
      tokenUses.markUsed(token.getId(), now, stale);
    }
  }
}
