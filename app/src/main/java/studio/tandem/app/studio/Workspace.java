package studio.tandem.app.studio;

/** The studio's three workspaces, in switcher order. */
public enum Workspace {
    COLLECT("Collect", "mdi2r-record-circle-outline", "Ctrl+1", "Teleoperate the station and record episodes"),
    CORRECT("Correct", "mdi2r-robot-outline", "Ctrl+2", "Run a policy; intervene and correct it in words"),
    REVIEW("Review", "mdi2p-play-box-multiple-outline", "Ctrl+3", "Browse, curate and export episodes");

    private final String title;
    private final String icon;
    private final String shortcut;
    private final String purpose;

    Workspace(String title, String icon, String shortcut, String purpose) {
        this.title = title;
        this.icon = icon;
        this.shortcut = shortcut;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public String shortcut() {
        return shortcut;
    }

    public String purpose() {
        return purpose;
    }
}
