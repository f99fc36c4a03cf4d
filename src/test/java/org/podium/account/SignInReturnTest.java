package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** After signing in, Podium goes back only to one of its own pages, never elsewhere. */
class SignInReturnTest {

  private static boolean returns(String next) {
    return next.matches(SignIn.PAGE_ADDRESS);
  }

  @Test
  void podiumsOwnPagesWithTheirQuery() {
    assertTrue(returns("/edit-competition.xhtml?id=3"));
    assertTrue(returns("/competition.xhtml?id=3&tab=participate"));
    assertTrue(returns("/account.xhtml"));
  }

  @Test
  void neverAnotherHostSchemeOrPath() {
    assertFalse(returns("//evil.example/x.xhtml"));
    assertFalse(returns("/\\evil.example/x.xhtml"));
    assertFalse(returns("https://evil.example/account.xhtml"));
    assertFalse(returns("/api/accounts/me"));
    assertFalse(returns("/account.xhtml?x=<script>"));
    assertFalse(returns("/account.xhtml\r\nLocation: https://evil.example"));
  }
}
