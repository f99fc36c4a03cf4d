package org.podium.compute;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

/** Feeds a container's attached stdout and stderr into two bounded captures. */
final class StreamCapture extends ResultCallback.Adapter<Frame> {

  private final LogCapture stdout;
  private final LogCapture stderr;

  StreamCapture(int limit) {
    stdout = new LogCapture(limit);
    stderr = new LogCapture(limit);
  }

  @Override
  public void onNext(Frame frame) {
    byte[] payload = frame.getPayload();
    if (payload == null) {
      return;
    }
    if (frame.getStreamType() == StreamType.STDERR) {
      stderr.write(payload);
    } else {
      stdout.write(payload);
    }
  }

  CapturedLog stdout() {
    return stdout.captured();
  }

  CapturedLog stderr() {
    return stderr.captured();
  }
}
