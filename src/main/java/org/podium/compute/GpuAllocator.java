package org.podium.compute;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The GPUs of this node's engine, given by device id (an index such as {@code 0} or a UUID), handed
 * out to runs whole: two runs never share a GPU. A run that asks for more GPUs than are free waits
 * for other runs to release theirs; one that asks for more than the node has never gets any.
 */
public final class GpuAllocator {

  private final List<String> devices;
  private final Set<String> free;

  public GpuAllocator(List<String> devices) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String device : devices) {
      String id = device.strip();
      if (!id.matches("[A-Za-z0-9:._-]{1,64}")) {
        throw new IllegalArgumentException(
            "GPU device id '" + device + "' must be an index such as 0 or an id such as GPU-1a2b");
      }
      if (!distinct.add(id)) {
        throw new IllegalArgumentException("GPU device id '" + id + "' is listed twice");
      }
    }
    this.devices = List.copyOf(distinct);
    this.free = new LinkedHashSet<>(distinct);
  }

  /** A node without GPUs: a run asking for one never gets it. */
  public static GpuAllocator none() {
    return new GpuAllocator(List.of());
  }

  /** Parses the node setting: device ids separated by commas, e.g. {@code 0,1,2,3}. */
  public static GpuAllocator parse(Optional<String> setting) {
    List<String> ids = new ArrayList<>();
    setting.ifPresent(
        text -> {
          for (String id : text.split(",")) {
            if (!id.isBlank()) {
              ids.add(id);
            }
          }
        });
    return new GpuAllocator(ids);
  }

  /** How many GPUs this node has. */
  public int total() {
    return devices.size();
  }

  /** How many are not held by a run now. */
  public synchronized int available() {
    return free.size();
  }

  /** Takes {@code count} free GPUs at once, or none when fewer are free. */
  public synchronized Optional<List<String>> tryAcquire(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("the GPU count cannot be negative");
    }
    if (count > free.size()) {
      return Optional.empty();
    }
    List<String> taken = new ArrayList<>(count);
    for (String device : free) {
      if (taken.size() == count) {
        break;
      }
      taken.add(device);
    }
    taken.forEach(free::remove);
    return Optional.of(List.copyOf(taken));
  }

  /**
   * Waits until {@code count} GPUs are free and takes them; gives up when {@code stop} says so
   * (checked at least every {@code checkMillis}).
   *
   * @return the device ids taken, or empty when stopped or when the node has fewer GPUs in all
   */
  public Optional<List<String>> acquire(int count, BooleanSupplier stop, long checkMillis)
      throws InterruptedException {
    if (count > devices.size()) {
      return Optional.empty();
    }
    synchronized (this) {
      while (true) {
        Optional<List<String>> taken = tryAcquire(count);
        if (taken.isPresent() || stop.getAsBoolean()) {
          return taken;
        }
        wait(checkMillis);
      }
    }
  }

  /** Gives back GPUs a run took. */
  public synchronized void release(List<String> taken) {
    for (String device : taken) {
      if (!devices.contains(device)) {
        throw new IllegalArgumentException("GPU " + device + " is not one of this node's");
      }
      free.add(device);
    }
    notifyAll();
  }
}
