package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerRunLineTest {

  @Test
  void keepsImageArgumentsEnvironmentAndWorkdir() {
    DockerRunLine.Parsed parsed =
        DockerRunLine.parse(
            "docker run --rm -it -e MODE=fast --env=SEED=42 -w /app team/model:1 python3 predict.py --in '/mnt/in' \"a b\"");

    assertEquals("team/model:1", parsed.image().toString());
    assertEquals(List.of("python3", "predict.py", "--in", "/mnt/in", "a b"), parsed.command());
    assertEquals(Map.of("MODE", "fast", "SEED", "42"), parsed.env());
    assertEquals(Optional.of("/app"), parsed.workdir());
  }

  @Test
  void bareImageReferenceIsAccepted() {
    DockerRunLine.Parsed parsed = DockerRunLine.parse("  127.0.0.1:5000/podium-example:1 ");
    assertEquals("127.0.0.1:5000/podium-example:1", parsed.image().toString());
    assertEquals(List.of(), parsed.command());
  }

  @Test
  void backslashesAndContinuationsAreReadLikeAShell() {
    DockerRunLine.Parsed parsed =
        DockerRunLine.parse("docker run \\\n  -e A=x\\ y \\\n  img:1 echo \"q\\\"uote\"");
    assertEquals(Map.of("A", "x y"), parsed.env());
    assertEquals(List.of("echo", "q\"uote"), parsed.command());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-v /:/host",
        "--volume=/:/host",
        "--mount type=bind,src=/,dst=/host",
        "--privileged",
        "--network host",
        "--net=host",
        "-u 0",
        "--user root",
        "--cap-add SYS_ADMIN",
        "--device /dev/sda",
        "--gpus all",
        "--security-opt seccomp=unconfined",
        "--pid host",
        "--ipc host",
        "--userns host",
        "--runtime runc",
        "-p 80:80",
        "--memory 100g"
      })
  void optionsThatWouldChangeTheSandboxAreRefusedByName(String options) {
    DockerRunLine.Refused refused =
        assertThrows(
            DockerRunLine.Refused.class,
            () -> DockerRunLine.parse("docker run " + options + " team/model:1"));
    String option = options.split("[ =]")[0];
    assertTrue(refused.getMessage().startsWith(option + " is not allowed"), refused.getMessage());
    assertTrue(refused.getMessage().contains("mounts /mnt/in and /mnt/out itself"));
  }

  @Test
  void theSeedsExampleWithAHostVolumeIsRefused() {
    DockerRunLine.Refused refused =
        assertThrows(
            DockerRunLine.Refused.class,
            () -> DockerRunLine.parse("docker run -v /:/host 127.0.0.1:5000/podium-example:1"));
    assertEquals(
        "-v is not allowed: Podium sets the sandbox itself (no network, its own user and limits)"
            + " and mounts /mnt/in and /mnt/out itself: remove the option.",
        refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "docker",
        "docker ps",
        "docker run",
        "docker run -e",
        "docker run -e NAME img",
        "ls -la",
        "docker run 'unclosed",
        "docker run BadImage"
      })
  void unusableLinesAreRefusedWithAReason(String line) {
    DockerRunLine.Refused refused =
        assertThrows(DockerRunLine.Refused.class, () -> DockerRunLine.parse(line));
    assertTrue(!refused.getMessage().isBlank());
  }
}
