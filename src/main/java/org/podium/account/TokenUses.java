package org.podium.account;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes a token's "last used", in a transaction of its own: the token check that calls it reads
 * without one (see {@link Accounts#authenticate}), and writes only when the value it read is older
 * than {@link Accounts#LAST_USED_RESOLUTION}.
 */
@Stateless
public class TokenUses {

  @PersistenceContext EntityManager entityManager;

  /**
   * Notes that the token was used at {@code now} unless it was noted after {@code stale}: a
   * conditional update, so concurrent calls (on any node) write it once.
   */
  public void markUsed(long tokenId, Instant now, Instant stale) {
    entityManager
        .createNativeQuery(
            "update api_token set last_used_at = ?1 where id = ?2"
                + " and (last_used_at is null or last_used_at < ?3)")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, tokenId)
        .setParameter(3, stale.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
