package org.podium.compute;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds containers this installation started that no live run owns (left by a crash or a lost
 * engine connection) and kills and removes them, output holders included; then removes the output
 * volumes of those runs.
 */
public final class Reaper {

  private final DockerEngine engine;
  private final SandboxSettings settings;

  public Reaper(DockerEngine engine, SandboxSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  /**
   * @param liveRuns run ids whose containers must be left alone
   * @return the run ids whose containers were removed
   */
  public List<String> reap(Set<String> liveRuns) {
    return remove(runId -> runId == null || !liveRuns.contains(runId));
  }

  /**
   * Removes the containers of the given runs, if this engine has them: those of a run whose worker
   * was lost.
   *
   * @return the run ids whose containers were removed
   */
  public List<String> reapRuns(Set<String> runIds) {
    return remove(runId -> runId != null && runIds.contains(runId));
  }

  private List<String> remove(java.util.function.Predicate<String> doomed) {
    List<Container> containers =
        engine
            .calls()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(ContainerPlan.LABEL_INSTALLATION, settings.installationId()))
            .exec();
    List<String> reaped = new ArrayList<>();
    for (Container container : containers) {
      String holderOf = container.getLabels().get(OutputVolume.LABEL_OUTPUT_OF);
      boolean holder = holderOf != null;
      String runId = holder ? holderOf : container.getLabels().get(ContainerPlan.LABEL_RUN);
      if (!doomed.test(runId)) {
        continue;
      }
      try {
        engine
            .calls()
            .removeContainerCmd(container.getId())
            .withForce(true)
            .withRemoveVolumes(true)
            .exec();
        if (!holder) {
          reaped.add(runId);
        }
      } catch (NotFoundException gone) {
        // removed meanwhile
      } catch (DockerException e) {
        // left for the next pass
      }
    }
    removeVolumes(doomed);
    return reaped;
  }

  private void removeVolumes(java.util.function.Predicate<String> doomed) {
    List<InspectVolumeResponse> volumes =
        engine
            .calls()
            .listVolumesCmd()
            .withFilter(
                "label",
                List.of(ContainerPlan.LABEL_INSTALLATION + "=" + settings.installationId()))
            .exec()
            .getVolumes();
    for (InspectVolumeResponse volume :
        volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
      Map<String, String> labels = volume.getLabels() == null ? Map.of() : volume.getLabels();
      if (!doomed.test(labels.get(OutputVolume.LABEL_OUTPUT_OF))) {
        continue;
      }
      try {
        engine.calls().removeVolumeCmd(volume.getName()).exec();
      } catch (NotFoundException gone) {
        // removed meanwhile
      } catch (DockerException e) {
        // in use by a container not yet removed: left for the next pass
      }
    }
  }
}
