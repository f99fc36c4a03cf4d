package org.podium.testing;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of the application, found by reflection over the compiled classes of
 * {@code org.podium} (not the tests): a test that walks them covers a new endpoint without being
 * told of it.
 */
public final class ResourceMethods {

  private ResourceMethods() {}

  private static final Set<Class<? extends Annotation>> NOT_THE_BODY =
      Set.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          FormParam.class,
          MatrixParam.class,
          BeanParam.class,
          Context.class);

  /**
   * One resource method: its HTTP method, its address under {@code api/} with {@code {name}}
   * templates, the media types it consumes, and the type of its body parameter (null without one).
   */
  public record Endpoint(
      String httpMethod, String path, List<String> consumes, Class<?> body, String javaName) {

    public boolean changesState() {
      return !Set.of("GET", "HEAD", "OPTIONS").contains(httpMethod);
    }

    @Override
    public String toString() {
      return httpMethod + " api/" + path + " (" + javaName + ")";
    }
  }

  /** Every resource method, sorted by address. */
  public static List<Endpoint> all() {
    java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
    List<Endpoint> endpoints = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("org/podium"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, ResourceMethods.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          String http = httpMethod(method);
          if (http == null) {
            continue;
          }
          Path sub = method.getAnnotation(Path.class);
          Consumes consumes =
              method.getAnnotation(Consumes.class) != null
                  ? method.getAnnotation(Consumes.class)
                  : type.getAnnotation(Consumes.class);
          for (String path : literals(join(root.value(), sub == null ? "" : sub.value()))) {
            endpoints.add(
                new Endpoint(
                    http,
                    path,
                    consumes == null ? List.of() : List.of(consumes.value()),
                    body(method),
                    type.getSimpleName() + "." + method.getName()));
          }
        }
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot list the resource classes", e);
    }
    endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
    if (endpoints.isEmpty()) {
      throw new IllegalStateException("no resource class under target/classes");
    }
    return endpoints;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static Class<?> body(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (Arrays.stream(parameter.getAnnotations())
          .noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()))) {
        return parameter.getType();
      }
    }
    return null;
  }

  /** A parameter held to literal alternatives ({@code {file: submissions\\.csv|outputs\\.zip}}). */
  private static final java.util.regex.Pattern ALTERNATIVES =
      java.util.regex.Pattern.compile(
          "\\{\\w+\\s*:\\s*((?:[A-Za-z0-9_-]|\\\\\\.)+(?:\\|(?:[A-Za-z0-9_-]|\\\\\\.)+)*)\\s*}");

  /**
   * The addresses a path template stands for: one per alternative of a parameter held to literal
   * alternatives (each its own endpoint), the template itself otherwise.
   */
  static List<String> literals(String path) {
    java.util.regex.Matcher alternatives = ALTERNATIVES.matcher(path);
    if (!alternatives.find()) {
      return List.of(path);
    }
    List<String> paths = new ArrayList<>();
    for (String literal : alternatives.group(1).split("\\|")) {
      paths.addAll(
          literals(
              path.substring(0, alternatives.start())
                  + literal.replace("\\.", ".")
                  + path.substring(alternatives.end())));
    }
    return paths;
  }

  private static String join(String root, String sub) {
    String path = (trim(root) + "/" + trim(sub)).replaceAll("/+", "/");
    return trim(path);
  }

  private static String trim(String path) {
    return path.replaceAll("^/+|/+$", "");
  }
}
