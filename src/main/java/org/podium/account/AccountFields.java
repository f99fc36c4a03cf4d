package org.podium.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.podium.platform.problem.Problem;

/**
 * What each text field of an account may hold, checked before the database (issue 15): a value too
 * long for its column (V1, V2) or one the entity would refuse is a sentence next to its field,
 * never a failed insert. Every intake (sign-up page, API, account and admin pages) checks through
 * here.
 */
@ApplicationScoped
public class AccountFields {

  // the columns' sizes (V1, V2) and the entity's own rules
  static final int MIN_USERNAME = 3;
  static final int MAX_USERNAME = 40;
  static final int MAX_EMAIL = 254;
  static final int MAX_TOKEN_NAME = 100;
  static final int MIN_PASSWORD = 10;
  // not a column (only a hash is kept): a bound so that nobody sends megabytes to be hashed
  static final int MAX_PASSWORD = 1000;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  @Inject Validator validator;

  /** A sign-up's username and e-mail as stored. */
  public record SignUp(String username, String email) {}

  /**
   * A sign-up's fields, all checked at once: every wrong one refused with its own sentence, so the
   * form shows each mistake next to its field in one go.
   */
  public SignUp signUp(String username, String email, String password) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = checked(errors, () -> username(username));
    String mail = checked(errors, () -> email(email));
    checked(errors, () -> newPassword("password", password));
    if (!errors.isEmpty()) {
      throw Problem.invalidFields(String.join(" ", errors.values()), errors);
    }
    return new SignUp(name, mail);
  }

  /** The field's checked value, or null with its sentence noted in {@code errors}. */
  private static String checked(Map<String, String> errors, Supplier<String> check) {
    try {
      return check.get();
    } catch (Problem problem) {
      errors.putAll(problem.fieldErrors());
      return null;
    }
  }

  /** A username as stored (trimmed, lower case), or the sentence saying what to change. */
  public String username(String value) {
    String name = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
    if (name.isEmpty()) {
      throw Problem.invalidField("username", "Choose a username.");
    }
    if (name.length() < MIN_USERNAME || name.length() > MAX_USERNAME) {
      throw Problem.invalidField(
          "username",
          "Choose a username of "
              + MIN_USERNAME
              + " to "
              + MAX_USERNAME
              + " characters (this one has "
              + name.length()
              + ").");
    }
    if (!USERNAME.matcher(name).matches()
        || !validator.validateValue(Account.class, "username", name).isEmpty()) {
      throw Problem.invalidField(
          "username",
          "Use only lower-case letters, digits, '.', '_' and '-' in a username, starting with a"
              + " letter or digit.");
    }
    return name;
  }

  /** An e-mail address as stored (trimmed), or the sentence saying what to change. */
  public String email(String value) {
    String mail = value == null ? "" : value.trim();
    if (mail.isEmpty()) {
      throw Problem.invalidField("email", "Enter your email address.");
    }
    if (mail.length() > MAX_EMAIL) {
      throw Problem.invalidField(
          "email", "Enter an email address of at most " + MAX_EMAIL + " characters.");
    }
    if (mail.indexOf('@') < 1
        || mail.indexOf('\0') >= 0
        || !validator.validateValue(Account.class, "email", mail).isEmpty()) {
      throw Problem.invalidField("email", "Enter an email address such as ada@example.org.");
    }
    return mail;
  }

  /**
   * A new password (sign-up, change, reset): {@code field} names it as the form or the API does.
   */
  public String newPassword(String field, String value) {
    if (value == null || value.length() < MIN_PASSWORD) {
      throw Problem.invalidField(
          field, "Choose a password of at least " + MIN_PASSWORD + " characters.");
    }
    if (value.length() > MAX_PASSWORD) {
      throw Problem.invalidField(
          field, "Choose a password of at most " + MAX_PASSWORD + " characters.");
    }
    if (value.indexOf('\0') >= 0) {
      throw Problem.invalidField(field, "Remove the NUL character (\\u0000) from the password.");
    }
    return value;
  }

  /**
   * A token's name as stored ("token" when none is given), or the sentence saying what to change.
   */
  public String tokenName(String value) {
    String name = value == null ? "" : value.trim();
    if (name.length() > MAX_TOKEN_NAME) {
      throw Problem.invalidField(
          "name",
          "Shorten the token name to at most "
              + MAX_TOKEN_NAME
              + " characters (this one has "
              + name.length()
              + ").");
    }
    if (name.indexOf('\0') >= 0) {
      throw Problem.invalidField("name", "Remove the NUL character (\\u0000) from the token name.");
    }
    return name.isEmpty() ? "token" : name;
  }
}
