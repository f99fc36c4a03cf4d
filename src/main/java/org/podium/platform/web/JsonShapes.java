package org.podium.platform.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.podium.platform.StoredText;
import org.podium.platform.problem.Problem;

/**
 * Checks a JSON body against the request record it binds to, before binding: each member the record
 * has must hold its kind of value (a string, {@code true}/{@code false}, a number, a whole number,
 * one of an enum's names, a time, an array, an object), else the refusal names the field ({@code
 * participation}, {@code scoring.metric}, {@code columns.decimals}) and what it takes. The servers'
 * JSON-B bindings differ where a value does not fit (Yasson reads {@code "yes"} or {@code 1} as
 * {@code false}, and names no field for an unknown enum value); this answers the same on every
 * server. {@code null} is always allowed (the service says when a field must be given); members the
 * record does not have are ignored, as JSON-B ignores them.
 */
final class JsonShapes {

  private JsonShapes() {}

  /** Refuses {@code value} unless it fits {@code type}; {@code field} is its name (or ""). */
  static void check(Type type, JsonValue value, String field) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      if (!(value instanceof JsonObject object)) {
        throw refuse(field, "must be an object {…}");
      }
      for (RecordComponent component : raw.getRecordComponents()) {
        check(
            component.getGenericType(),
            object.get(component.getName()),
            field.isEmpty() ? component.getName() : field + "." + component.getName());
      }
    } else if (raw == String.class) {
      if (!(value instanceof JsonString)) {
        throw refuse(field, "must be a string");
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw refuse(field, "must be true or false");
      }
    } else if (raw.isEnum()) {
      if (!(value instanceof JsonString text)) {
        throw refuse(field, "must be one of " + names(raw));
      }
      if (Arrays.stream(raw.getEnumConstants())
          .noneMatch(constant -> ((Enum<?>) constant).name().equals(text.getString()))) {
        throw refuse(
            field, "is '" + StoredText.of(text.getString(), 40) + "': choose one of " + names(raw));
      }
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
        throw refuse(field, "must be a whole number");
      }
      try {
        if (raw == Integer.class || raw == int.class) {
          number.intValueExact();
        } else {
          number.longValueExact();
        }
      } catch (ArithmeticException e) {
        throw refuse(
            field,
            "must be a whole number of at most "
                + (raw == Long.class || raw == long.class ? 18 : 9)
                + " digits");
      }
    } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      if (!(value instanceof JsonNumber)) {
        throw refuse(field, "must be a number");
      }
    } else if (raw == Instant.class) {
      if (!(value instanceof JsonString text)) {
        throw refuse(field, "must be a time such as \"2030-01-31T12:00:00Z\"");
      }
      try {
        Instant.parse(text.getString());
      } catch (DateTimeParseException e) {
        throw refuse(field, "must be a time such as \"2030-01-31T12:00:00Z\"");
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        throw refuse(field, "must be an array […]");
      }
      Type element =
          type instanceof ParameterizedType parameterized
              ? parameterized.getActualTypeArguments()[0]
              : Object.class;
      for (JsonValue item : value.asJsonArray()) {
        if (item.getValueType() == JsonValue.ValueType.NULL) {
          throw refuse(field, "must not hold null");
        }
        check(element, item, field);
      }
    }
    // anything else (a Map, Object): as JSON-B binds it
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static String names(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> ((Enum<?>) constant).name())
        .collect(Collectors.joining(", "));
  }

  private static Problem refuse(String field, String message) {
    return field.isEmpty()
        ? Problem.badRequest("The body " + message + ".")
        : Problem.invalidField(field, "The value of '" + field + "' " + message + ".");
  }
}
