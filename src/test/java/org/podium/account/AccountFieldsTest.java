package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.podium.platform.problem.Problem;

/** Each account field's limit, at its edge, refused in a sentence (issue 15, points 1 and 13). */
class AccountFieldsTest {

  private static ValidatorFactory factory;
  private static AccountFields fields;

  @BeforeAll
  static void fields() {
    factory = Validation.buildDefaultValidatorFactory();
    fields = new AccountFields();
    fields.validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void aUsernameHasThreeToFortyCharactersOfItsAlphabetAndIsStoredInLowerCase() {
    assertEquals("ada", fields.username("  Ada "));
    assertEquals("a".repeat(40), fields.username("a".repeat(40)));
    assertRefused(
        "username",
        "Choose a username of 3 to 40 characters (this one has 41).",
        () -> fields.username("a".repeat(41)));
    assertRefused(
        "username",
        "Choose a username of 3 to 40 characters (this one has 2).",
        () -> fields.username("ab"));
    assertRefused("username", "Choose a username.", () -> fields.username(" "));
    assertRefused(
        "username",
        "Use only lower-case letters, digits, '.', '_' and '-' in a username, starting with a"
            + " letter or digit.",
        () -> fields.username("-ada"));
    assertRefused(
        "username",
        "Use only lower-case letters, digits, '.', '_' and '-' in a username, starting with a"
            + " letter or digit.",
        () -> fields.username("a\0da"));
  }

  @Test
  void anEmailFitsItsColumnAndLooksLikeAnAddress() {
    String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + ".org";
    assertEquals(longest.length(), fields.email(" " + longest + " ").length());
    assertRefused(
        "email",
        "Enter an email address of at most 254 characters.",
        () -> fields.email("e".repeat(250) + "@x.org"));
    assertRefused("email", "Enter your email address.", () -> fields.email(null));
    assertRefused(
        "email", "Enter an email address such as ada@example.org.", () -> fields.email("ada"));
  }

  @Test
  void aPasswordHasTenToAThousandCharacters() {
    assertEquals("p".repeat(10), fields.newPassword("password", "p".repeat(10)));
    assertEquals("p".repeat(1000), fields.newPassword("password", "p".repeat(1000)));
    assertRefused(
        "newPassword",
        "Choose a password of at least 10 characters.",
        () -> fields.newPassword("newPassword", "p".repeat(9)));
    assertRefused(
        "password",
        "Choose a password of at most 1000 characters.",
        () -> fields.newPassword("password", "p".repeat(1001)));
  }

  @Test
  void aTokenNameFitsItsColumnAndIsTokenWhenNoneIsGiven() {
    assertEquals("token", fields.tokenName("  "));
    assertEquals("t".repeat(100), fields.tokenName("t".repeat(100)));
    assertRefused(
        "name",
        "Shorten the token name to at most 100 characters (this one has 101).",
        () -> fields.tokenName("t".repeat(101)));
  }

  @Test
  void aSignUpSaysEveryWrongFieldAtOnce() {
    Problem refused = assertThrows(Problem.class, () -> fields.signUp("ab", "nope", "short"));
    assertEquals(
        Map.of(
            "username", "Choose a username of 3 to 40 characters (this one has 2).",
            "email", "Enter an email address such as ada@example.org.",
            "password", "Choose a password of at least 10 characters."),
        refused.fieldErrors());
  }

  private static void assertRefused(String field, String sentence, Executable check) {
    Problem refused = assertThrows(Problem.InvalidField.class, check);
    assertEquals(Map.of(field, sentence), refused.fieldErrors());
  }
}
