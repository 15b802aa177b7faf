package studio.tandem.app.studio.prefs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the studio remembers between launches ({@code ~/.tandem/studio.json}): the window, the
 * workspace it showed, Collect's task text, Correct's policy and failure-pause switch, and the
 * dataset Review had open. Every field may be absent (null): absent means the built-in default.
 * Unknown keys are ignored so older studios read newer files.
 *
 * @param window the window's bounds, or null
 * @param workspace {@code COLLECT}, {@code CORRECT} or {@code REVIEW}
 * @param task the task text Collect records with
 * @param policy the policy manifest Correct offers
 * @param pauseOnFailure whether the policy pauses when its failure score crosses the threshold
 * @param dataset the dataset Review opened last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudioPrefs(Window window, String workspace, String task, String policy, Boolean pauseOnFailure,
        String dataset) {

    /** Nothing remembered yet. */
    public static final StudioPrefs NONE = new StudioPrefs(null, null, null, null, null, null);

    /** Window bounds in screen coordinates. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    public StudioPrefs withWindow(Window w) {
        return new StudioPrefs(w, workspace, task, policy, pauseOnFailure, dataset);
    }

    public StudioPrefs withWorkspace(String w) {
        return new StudioPrefs(window, w, task, policy, pauseOnFailure, dataset);
    }

    public StudioPrefs withTask(String t) {
        return new StudioPrefs(window, workspace, t, policy, pauseOnFailure, dataset);
    }

    public StudioPrefs withPolicy(String p) {
        return new StudioPrefs(window, workspace, task, p, pauseOnFailure, dataset);
    }

    public StudioPrefs withPauseOnFailure(Boolean on) {
        return new StudioPrefs(window, workspace, task, policy, on, dataset);
    }

    public StudioPrefs withDataset(String d) {
        return new StudioPrefs(window, workspace, task, policy, pauseOnFailure, d);
    }
}
