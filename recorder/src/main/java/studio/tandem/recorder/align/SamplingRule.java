package studio.tandem.recorder.align;

/** How a vector stream is sampled at each dataset tick. */
public enum SamplingRule {
    /** The latest sample captured at or before the tick (the default: never looks into the future). */
    LATEST_BEFORE,
    /** The sample whose capture time is nearest the tick, before or after. */
    NEAREST,
    /** Linear interpolation between the samples around the tick (nearest at the episode's edges). */
    LINEAR
}
