package org.podium.compute;

/**
 * What running a submission needs of the sandbox: run one container to its end, then forget what
 * was kept about it. {@link Sandbox} is the one implementation; the runner's rules are unit-tested
 * against a scripted one, without an engine.
 */
public interface SandboxRuns {

  /** Runs {@code spec}'s container to its end, whatever happens in it. */
  RunResult run(RunSpec spec);

  /** Drops what is kept about a run (a cancel marker) once its attempt has ended. */
  void forget(String runId);
}
