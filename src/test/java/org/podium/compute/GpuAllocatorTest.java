package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GpuAllocatorTest {

  @Test
  void concurrentRunsGetDistinctGpus() {
    GpuAllocator gpus = GpuAllocator.parse(Optional.of("0,1,2,3"));

    List<String> first = gpus.tryAcquire(1).orElseThrow();
    List<String> second = gpus.tryAcquire(2).orElseThrow();

    assertEquals(List.of("0"), first);
    assertEquals(List.of("1", "2"), second);
    assertEquals(1, gpus.available());
    assertEquals(Optional.empty(), gpus.tryAcquire(2), "only one is free");
    gpus.release(first);
    assertEquals(Set.of("0", "3"), new HashSet<>(gpus.tryAcquire(2).orElseThrow()));
  }

  @Test
  void aRunWaitsForGpusAnotherRunReleases() throws Exception {
    GpuAllocator gpus = GpuAllocator.parse(Optional.of("GPU-a,GPU-b"));
    List<String> held = gpus.tryAcquire(2).orElseThrow();

    CompletableFuture<Optional<List<String>>> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return gpus.acquire(1, () -> false, 50);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertTrue(!waiting.isDone(), "no GPU is free yet");
    gpus.release(held.subList(1, 2));

    assertEquals(List.of("GPU-b"), waiting.get(5, TimeUnit.SECONDS).orElseThrow());
  }

  @Test
  void aStoppedWaitTakesNothing() throws Exception {
    GpuAllocator gpus = GpuAllocator.parse(Optional.of("0"));
    gpus.tryAcquire(1).orElseThrow();
    AtomicBoolean stop = new AtomicBoolean(true);

    assertEquals(Optional.empty(), gpus.acquire(1, stop::get, 10));
    assertEquals(0, gpus.available());
  }

  @Test
  void moreGpusThanTheNodeHasAreNeverGiven() throws Exception {
    assertEquals(
        Optional.empty(), GpuAllocator.parse(Optional.of("0,1")).acquire(3, () -> false, 10));
    assertEquals(Optional.empty(), GpuAllocator.none().acquire(1, () -> false, 10));
    assertEquals(Optional.of(List.of()), GpuAllocator.none().acquire(0, () -> false, 10));
  }

  @Test
  void theSettingIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> GpuAllocator.parse(Optional.of("0,0")));
    assertThrows(IllegalArgumentException.class, () -> GpuAllocator.parse(Optional.of("0,a b")));
    assertEquals(0, GpuAllocator.parse(Optional.empty()).total());
    assertThrows(
        IllegalArgumentException.class,
        () -> GpuAllocator.parse(Optional.of("0")).release(List.of("7")));
  }
}
