package org.podium.compute;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.WaitResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a container's exit code without tying up a thread per wait. */
final class ExitWatch extends ResultCallback.Adapter<WaitResponse> {

  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  @Override
  public void onNext(WaitResponse response) {
    exitCode.complete(response.getStatusCode());
  }

  @Override
  public void onError(Throwable failure) {
    exitCode.completeExceptionally(failure);
    super.onError(failure);
  }

  @Override
  public void onComplete() {
    exitCode.completeExceptionally(
        new IllegalStateException("the engine ended the wait without an exit code"));
    super.onComplete();
  }

  /**
   * The exit code, when the container exits within {@code millis}.
   *
   * @return the exit code, or null when it is still running
   */
  Integer await(long millis) throws InterruptedException {
    try {
      return exitCode.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException stillRunning) {
      return null;
    } catch (ExecutionException e) {
      throw new EngineFailure(
          "lost the container while waiting for it: " + DockerEngine.rootMessage(e), e);
    }
  }
}
