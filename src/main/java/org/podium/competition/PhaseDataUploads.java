package org.podium.competition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.podium.account.Account;
import org.podium.platform.PodiumConfig;
import org.podium.storage.Staged;
import org.podium.storage.Uploads;

/**
 * A phase's input or reference data, uploaded as a zip of any size: the organizer is checked before
 * a byte is read, the zip is unpacked as it streams and outside any transaction (a gigabyte takes
 * longer than a transaction may), and it replaces the phase's data only once all of it unpacked
 * safely.
 */
@ApplicationScoped
public class PhaseDataUploads {

  @Inject Competitions competitions;

  @Inject Uploads uploads;

  @Inject PodiumConfig config;

  public void upload(
      Account caller, long competitionId, long phaseId, boolean reference, InputStream zip) {
    upload(caller, competitionId, phaseId, reference ? PhaseData.REFERENCE : PhaseData.INPUT, zip);
  }

  public void upload(
      Account caller, long competitionId, long phaseId, PhaseData kind, InputStream zip) {
    competitions.checkDataUpload(caller, competitionId, phaseId);
    try (Staged data = uploads.unpackZip(zip, config.zipLimit())) {
      competitions.replaceData(caller, competitionId, phaseId, kind, data);
    }
  }
}
