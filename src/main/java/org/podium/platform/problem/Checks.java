package org.podium.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request record against the Bean Validation constraints declared on it (once, on the
 * record), and refuses it as {@link Problem.InvalidField} naming each field as the API does ({@code
 * memoryMb}, {@code scoring.metric}, {@code columns.decimals}): the same refusal for the API and
 * for pages.
 */
@ApplicationScoped
public class Checks {

  @Inject Validator validator;

  /** {@code value}, when every constraint on it holds. */
  public <T> T valid(T value) {
    Problem refusal = refusal(validator.validate(value));
    if (refusal != null) {
      throw refusal;
    }
    return value;
  }

  /** The refusal of these violations, or null when there are none. */
  public static Problem refusal(Set<? extends ConstraintViolation<?>> violations) {
    if (violations.isEmpty()) {
      return null;
    }
    Map<String, Set<String>> messages = new LinkedHashMap<>();
    for (ConstraintViolation<?> violation : violations) {
      messages
          .computeIfAbsent(field(violation.getPropertyPath()), name -> new LinkedHashSet<>())
          .add(violation.getMessage());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    messages.forEach((field, texts) -> errors.put(field, String.join("; ", texts)));
    String detail =
        errors.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining(", "));
    return Problem.invalidFields(detail, errors);
  }

  /**
   * A violation's field as the API names it: its properties joined by dots, without the method,
   * parameter and list indexes of the path.
   */
  static String field(Path path) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(node.getName());
      }
    }
    return name.length() == 0 ? path.toString() : name.toString();
  }
}
