package studio.tandem.app.studio;

import studio.tandem.app.studio.session.SessionModel;
import studio.tandem.app.studio.session.StationSession;

/**
 * The shell's e-stop wired to the running control loop: engaging it latches the loop's safety filter
 * (the robot holds) and tells {@code also}; reset releases both. FX thread; never blocks.
 */
final class SessionStop implements ShellViewModel.EmergencyStop {
    private final ShellViewModel.EmergencyStop also;
    private final SessionModel sessions;

    SessionStop(ShellViewModel.EmergencyStop also, SessionModel sessions) {
        this.also = also;
        this.sessions = sessions;
    }

    @Override
    public void engage(String reason) {
        StationSession s = sessions.session();
        if (s != null) {
            s.eStop();
        }
        also.engage(reason);
    }

    @Override
    public void reset() {
        StationSession s = sessions.session();
        if (s != null) {
            s.resetEStop();
        }
        also.reset();
    }
}
