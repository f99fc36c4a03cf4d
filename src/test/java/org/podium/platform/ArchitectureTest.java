package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house rules of ARCHITECTURE.md that a text scan of the sources can check. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void applicationImportsNoServerSpecificPackage() throws IOException {
    assertEquals(
        List.of(),
        importsMatching(
            MAIN,
            "(org\\.jboss|org\\.wildfly|org\\.glassfish|fish\\.payara|org\\.hibernate)\\..*"));
  }

  @Test
  void computeImportsNoJpaFacesOrJaxRs() throws IOException {
    assertEquals(
        List.of(),
        importsMatching(
            MAIN.resolve("org/podium/compute"), "jakarta\\.(persistence|faces|ws\\.rs)\\..*"));
  }

  @Test
  void nothingMentionsH2() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      List<Path> offenders =
          files
              .filter(Files::isRegularFile)
              .filter(file -> read(file).contains("org.h2") || read(file).contains("jdbc:h2"))
              .toList();
      assertEquals(List.of(), offenders);
    }
  }

  private static List<String> importsMatching(Path root, String packageRegex) throws IOException {
    Pattern importLine = Pattern.compile("^import\\s+(static\\s+)?(" + packageRegex + ");$");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .flatMap(
              file ->
                  read(file)
                      .lines()
                      .filter(line -> importLine.matcher(line.trim()).matches())
                      .map(line -> root.relativize(file) + ": " + line.trim()))
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
