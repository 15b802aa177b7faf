package studio.tandem.autonomy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.teleop.device.DeviceException;

/** Runs N seeded grasp episodes in one mode and summarises them. */
public final class SimEvaluation {

    /**
     * @param successRate share of episodes whose object was lifted and held
     * @param operatorEffort mean integrated operator input per episode (rad)
     * @param interventions takeovers over all episodes
     * @param meanEpisodeSeconds mean simulated episode duration (s)
     * @param unassistedSuccessRate share of episodes that succeeded without any intervention
     */
    public record Summary(Mode mode, int episodes, double successRate, double operatorEffort, long interventions,
            double meanEpisodeSeconds, List<EpisodeOutcome> outcomes, double unassistedSuccessRate) {
    }

    private SimEvaluation() {
    }

    /**
     * @param camera the wrist camera every episode uses ({@link WristCameras#probe()})
     */
    public static Summary run(Mode mode, int episodes, long seed, SimEpisode.PolicyFactory policy,
            WristCameras.Choice camera, Consumer<EpisodeOutcome> onEpisode) throws DeviceException {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, was " + episodes);
        }
        if (mode != Mode.TELEOP && policy == null) {
            throw new IllegalArgumentException("mode " + mode + " needs a hand policy");
        }
        List<EpisodeOutcome> all = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            EpisodeOutcome o = SimEpisode.run(seed + e, mode, policy, null, camera);
            all.add(o);
            onEpisode.accept(o);
        }
        double success = all.stream().filter(EpisodeOutcome::success).count() / (double) episodes;
        double effort = all.stream().mapToDouble(EpisodeOutcome::operatorEffort).average().orElse(0);
        long interventions = all.stream().mapToLong(EpisodeOutcome::interventions).sum();
        double seconds = all.stream().mapToDouble(EpisodeOutcome::seconds).average().orElse(0);
        double unassisted = all.stream().filter(o -> o.success() && o.interventions() == 0).count()
                / (double) episodes;
        return new Summary(mode, episodes, success, effort, interventions, seconds, List.copyOf(all), unassisted);
    }
}
