package org.podium.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One submission as the CSV export shows it: read as scalar columns, never as an entity, so a chunk
 * of them costs two queries and no lazy loads.
 *
 * @param metadata the metadata fields in {@link org.podium.submission.SubmissionMetadata.Field}'s
 *     order (null where absent)
 * @param scores the submission's scores by key
 */
public record ExportRow(
    long id,
    String participant,
    List<String> metadata,
    String kind,
    String image,
    String imageDigest,
    String status,
    String outcome,
    String detail,
    Integer exitCode,
    int attempts,
    Instant submittedAt,
    Instant startedAt,
    Instant finishedAt,
    Long wallMs,
    Long rerunOf,
    Map<String, Double> scores) {}
