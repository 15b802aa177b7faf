package studio.tandem.app.studio.station;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.app.studio.common.Background;

/**
 * The settings dialog's state: the station file's fields as editable text, validation into a
 * {@link StationConfig} with one-line errors, load and save off the FX thread. FX thread only.
 */
public final class StationSettingsViewModel {
    private static final Pattern CAMERA = Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s+(\\w+)\\s+(\\d+)x(\\d+)@(\\d+)(?:\\s+(\\S+))?\\s*");

    private final Background background;
    private final Path file;
    private final ObjectProperty<StationConfig> config = new SimpleObjectProperty<>(StationConfig.simulated());
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty armType = new SimpleStringProperty();
    private final StringProperty armAddress = new SimpleStringProperty();
    private final StringProperty handType = new SimpleStringProperty();
    private final StringProperty handPort = new SimpleStringProperty();
    private final StringProperty cameras = new SimpleStringProperty();
    private final StringProperty operatorDevice = new SimpleStringProperty("keyboard");
    /** The keyboard entry's own options beside a primary device (kept as the file had them). */
    private String keyboardOptions = "";
    private final StringProperty deviceOptions = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public StationSettingsViewModel(Background background, Path file) {
        this.background = background;
        this.file = file;
        show(config.get());
    }

    /** Loads the station file in the background (the simulated station when there is none). */
    public void load() {
        background.run(() -> StationConfigFile.load(file), c -> {
            config.set(c);
            show(c);
            status.set(c.isSimulated() ? "Station: " + c.name() + " (simulated)" : "Station: " + c.name());
        }, e -> error.set(Background.message(e)));
    }

    private void show(StationConfig c) {
        name.set(c.name());
        armType.set(c.arm().type());
        armAddress.set(c.arm().address());
        handType.set(c.hand().type());
        handPort.set(c.hand().port());
        List<String> lines = new ArrayList<>();
        for (StationConfig.CameraConfig cam : c.cameras()) {
            lines.add(cam.name() + " " + cam.type() + " " + cam.width() + "x" + cam.height() + "@" + cam.fps()
                    + (cam.device().isEmpty() ? "" : " " + cam.device()));
        }
        cameras.set(String.join("\n", lines));
        StationConfig.DeviceConfig primary = c.devices().stream().filter(d -> !d.type().equals("keyboard")).findFirst()
                .orElse(new StationConfig.DeviceConfig("keyboard", ""));
        operatorDevice.set(primary.type());
        deviceOptions.set(primary.options());
        keyboardOptions = primary.type().equals("keyboard") ? "" : c.devices().stream()
                .filter(d -> d.type().equals("keyboard")).map(StationConfig.DeviceConfig::options).findFirst().orElse("");
        error.set("");
    }

    /** The edited fields as a configuration; null (and {@link #errorProperty()} set) when invalid. */
    public StationConfig validate() {
        try {
            List<StationConfig.CameraConfig> cams = new ArrayList<>();
            String[] lines = cameras.get() == null ? new String[0] : cameras.get().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                Matcher m = CAMERA.matcher(lines[i]);
                if (!m.matches()) {
                    throw new IllegalArgumentException("cameras line " + (i + 1) + ": '" + lines[i].strip()
                            + "' is not 'name type WIDTHxHEIGHT@FPS [device]'");
                }
                cams.add(new StationConfig.CameraConfig(m.group(1), m.group(2), m.group(6), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
            }
            List<StationConfig.DeviceConfig> devs = devices();
            StationConfig c = new StationConfig(name.get(), new StationConfig.ArmConfig(armType.get(), armAddress.get()),
                    new StationConfig.HandConfig(handType.get(), handPort.get()), cams, devs);
            error.set("");
            return c;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** {@code devices:} from the selector: the chosen device with its options, then the keyboard (always on). */
    private List<StationConfig.DeviceConfig> devices() {
        String type = operatorDevice.get() == null || operatorDevice.get().isBlank() ? "keyboard" : operatorDevice.get();
        String options = deviceOptions.get() == null ? "" : deviceOptions.get();
        if (type.equals("keyboard")) {
            return List.of(new StationConfig.DeviceConfig("keyboard", options));
        }
        return List.of(new StationConfig.DeviceConfig(type, options),
                new StationConfig.DeviceConfig("keyboard", keyboardOptions));
    }

    /** Validates and saves in the background; returns false (error shown) when invalid. */
    public boolean save() {
        StationConfig c = validate();
        if (c == null) {
            return false;
        }
        background.run(() -> {
            StationConfigFile.save(c, file);
            return c;
        }, saved -> {
            config.set(saved);
            status.set("Saved " + file + " — restart the station (Station panel) to apply it");
        }, e -> error.set("Cannot save " + file + ": " + Background.message(e)));
        return true;
    }

    /** Back to the built-in simulated station (not saved until {@link #save()}). */
    public void resetToSimulated() {
        show(StationConfig.simulated());
    }

    public ObjectProperty<StationConfig> configProperty() {
        return config;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty armTypeProperty() {
        return armType;
    }

    public StringProperty armAddressProperty() {
        return armAddress;
    }

    public StringProperty handTypeProperty() {
        return handType;
    }

    public StringProperty handPortProperty() {
        return handPort;
    }

    public StringProperty camerasProperty() {
        return cameras;
    }

    /** The operator device that drives the arm: keyboard, spacemouse, openxr or gamepad. */
    public StringProperty operatorDeviceProperty() {
        return operatorDevice;
    }

    /** Its {@code key=value} options (docs/stations.md), may be empty. */
    public StringProperty deviceOptionsProperty() {
        return deviceOptions;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public Path file() {
        return file;
    }
}
