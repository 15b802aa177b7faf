package studio.tandem.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.station.Station;

/**
 * Every YAML example in docs/stations.md loads through the studio's station file and builds its
 * drivers (no I/O), so the documentation users copy from stays true.
 */
class StationDocsTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleBuildsItsStation() throws IOException {
        assertThat(check(Path.of("../docs/stations.md"))).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theReadmeExampleBuildsItsStation() throws IOException {
        assertThat(check(Path.of("../README.md"))).hasSize(1);
    }

    private static List<String> check(Path doc) throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String yaml = m.group(1);
            if (!yaml.contains("arm:")) {
                yaml = "arm: {type: ur-rtde, host: 127.0.0.1}\n" + yaml;
            }
            StationConfig c = StationConfigFile.parse(yaml, doc + " example " + (checked.size() + 1));
            try (Station s = StationFactory.build(c, new ManualClock(0), 1)) {
                assertThat(s.observationFeatures().size()).isPositive();
            }
            checked.add(c.arm().type() + "/" + c.hand().type() + "/" + c.cameras().size());
        }
        return checked;
    }
}
