/**
 * Scoring a run's output: built-in metrics, {@code scores.json}/{@code scores.txt}, or the
 * organizer's scoring container. No web or persistence type (ArchitectureTest). May import {@code
 * compute} and {@code files}.
 */
package org.podium.scoring;
