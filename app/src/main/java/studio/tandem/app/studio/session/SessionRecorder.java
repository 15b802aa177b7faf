package studio.tandem.app.studio.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderConfig;
import studio.tandem.recorder.episode.StagingRecovery;
import studio.tandem.recorder.lerobot.LeRobotDatasetSink;
import studio.tandem.recorder.video.SegmentedVideo;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.station.Station;

/**
 * The session's recorder and its streams, derived from the station's declared features: {@code
 * observation.state} (arm then hand joints, named by the station's joint features), {@code
 * observation.tactile}, {@code action} (what the loop executed), {@code authority} (arm, hand: 0
 * operator, 1 policy, 2 blend), {@code action.operator} and {@code action.policy} (what each side
 * asked for; the executed value where it asked nothing), {@code policy.failure_score} and one video per camera; opened on the session's dataset (recovering
 * what a crash left).
 */
public final class SessionRecorder implements AutoCloseable {
    private final Recorder recorder;
    private final List<VectorInput> vectors;
    private final List<StagingRecovery.Result> recovered;
    private final EpisodeHold hold;

    private SessionRecorder(Recorder recorder, List<VectorInput> vectors, List<StagingRecovery.Result> recovered,
            EpisodeHold hold) {
        this.recorder = recorder;
        this.vectors = vectors;
        this.recovered = recovered;
        this.hold = hold;
    }

    /** @param robotType the dataset's {@code robot_type} when it is created here */
    static SessionRecorder open(SessionSettings s, NanoClock clock, Station station, LoopLayout layout,
            String robotType) throws IOException {
        Recorder r = new Recorder(s.dataset(), RecorderConfig.defaults(s.fps()), clock,
                new SegmentedVideo(VideoSettings.live(), s.fps()), null);
        List<String> joints = new ArrayList<>(names(station, RobotFeatures.jointPositions(station.arm().id())));
        String hand = station.hand().orElseThrow().id();
        joints.addAll(names(station, RobotFeatures.jointPositions(hand)));
        List<VectorInput> vectors = List.of(
                r.addVector(VectorFeature.float32("observation.state", joints)),
                r.addVector(VectorFeature.float32("observation.tactile", names(station, RobotFeatures.tactile(hand)))),
                r.addVector(VectorFeature.float32("action", joints)),
                r.addVector(VectorFeature.float32("authority", List.of("arm", "hand"))),
                r.addVector(VectorFeature.float32("action.operator", joints)),
                r.addVector(VectorFeature.float32("action.policy", joints)),
                r.addVector(VectorFeature.float32("policy.failure_score", List.of("score"))));
        for (Camera c : station.cameras()) {
            Feature f = station.observationFeatures().get(RobotFeatures.image(c.id())).orElseThrow();
            r.addCamera((VisualFeature) f);
        }
        if (layout.joints() != joints.size()) {
            throw new IllegalStateException("loop layout has " + layout.joints() + " joints, features " + joints.size());
        }
        EpisodeHold hold = new EpisodeHold(LeRobotDatasetSink.openOrCreate(s.dataset(), s.fps(),
                LeRobotDatasetSink.features(r.vectors().stream().map(VectorInput::feature).toList(),
                        r.cameras().stream().map(CameraInput::feature).toList()), robotType));
        r.withSink(hold);
        List<StagingRecovery.Result> rec;
        try {
            rec = r.open();
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        return new SessionRecorder(r, vectors, rec, hold);
    }

    private static List<String> names(Station station, String feature) {
        Feature f = station.observationFeatures().get(feature)
                .orElseThrow(() -> new IllegalStateException("station declares no feature '" + feature + "'"));
        return ((VectorFeature) f).names();
    }

    public Recorder recorder() {
        return recorder;
    }

    /**
     * state, tactile, action, authority, operator command, policy proposal, failure score: the order
     * {@link StationPump} fills them in.
     */
    List<VectorInput> vectors() {
        return vectors;
    }

    /** What became of episodes a crash left staged, found when the session opened. */
    public List<StagingRecovery.Result> recovered() {
        return recovered;
    }

    /** Where stopped episodes wait for the operator's decision before they are written. */
    public EpisodeHold hold() {
        return hold;
    }

    /** Saves every episode still awaiting a decision with the label it has, then closes the recorder. */
    @Override
    public void close() throws IOException {
        hold.close();
        recorder.close();
    }
}
