package studio.tandem.teleop.spacemouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HidReportParserTest {

    private static byte lo(int v) {
        return (byte) (v & 0xff);
    }

    private static byte hi(int v) {
        return (byte) ((v >> 8) & 0xff);
    }

    @Test
    void splitLayoutHasTranslationAndRotationInSeparateReports() {
        HidReportParser p = new HidReportParser(SpaceMouseModel.SPACE_NAVIGATOR.layout());
        byte[] t = {1, lo(100), hi(100), lo(-200), hi(-200), lo(350), hi(350)};
        assertThat(p.parse(t, t.length)).isEqualTo(HidReportParser.Kind.MOTION);
        byte[] r = {2, lo(-1), hi(-1), lo(7), hi(7), lo(-350), hi(-350)};
        assertThat(p.parse(r, r.length)).isEqualTo(HidReportParser.Kind.MOTION);
        assertThat(new int[] {p.axis(0), p.axis(1), p.axis(2), p.axis(3), p.axis(4), p.axis(5)})
                .containsExactly(100, -200, 350, -1, 7, -350);
    }

    @Test
    void combinedLayoutHasAllSixAxesInReportOne() {
        HidReportParser p = new HidReportParser(SpaceMouseModel.SPACE_MOUSE_WIRELESS.layout());
        byte[] m = {1, lo(-5), hi(-5), lo(6), hi(6), lo(-7), hi(-7), lo(300), hi(300), lo(-300), hi(-300), lo(1), hi(1)};
        assertThat(p.parse(m, m.length)).isEqualTo(HidReportParser.Kind.MOTION);
        assertThat(new int[] {p.axis(0), p.axis(1), p.axis(2), p.axis(3), p.axis(4), p.axis(5)})
                .containsExactly(-5, 6, -7, 300, -300, 1);
        byte[] r2 = {2, 1, 2, 3, 4, 5, 6};
        assertThat(p.parse(r2, r2.length)).isEqualTo(HidReportParser.Kind.IGNORED);
        byte[] shortOne = {1, 0, 0, 0, 0, 0, 0};
        assertThat(p.parse(shortOne, shortOne.length)).isEqualTo(HidReportParser.Kind.MALFORMED);
        assertThat(p.malformedCount()).isEqualTo(1);
    }

    @Test
    void buttonReportsAreBitmasksOrEnterpriseLists() {
        HidReportParser p = new HidReportParser(SpaceMouseModel.SPACE_MOUSE_PRO.layout());
        byte[] b = {3, 0x03, 0x00, 0x01, 0x00};
        assertThat(p.parse(b, b.length)).isEqualTo(HidReportParser.Kind.BUTTONS);
        assertThat(p.buttons()).isEqualTo(0b1_0000_0000_0000_0011L);
        HidReportParser e = new HidReportParser(SpaceMouseModel.SPACE_MOUSE_ENTERPRISE.layout());
        byte[] list = {0x1c, 1, 13, 0, 0};
        assertThat(e.parse(list, list.length)).isEqualTo(HidReportParser.Kind.BUTTONS);
        assertThat(e.buttons()).isEqualTo((1L << 0) | (1L << 12));
        byte[] battery = {0x17, 100};
        assertThat(e.parse(battery, battery.length)).isEqualTo(HidReportParser.Kind.IGNORED);
    }

    @Test
    void modelsAreFoundByUsbId() {
        assertThat(SpaceMouseModel.find(0x046d, 0xc626)).isEqualTo(SpaceMouseModel.SPACE_NAVIGATOR);
        assertThat(SpaceMouseModel.find(0x256f, 0xc635)).isEqualTo(SpaceMouseModel.SPACE_MOUSE_COMPACT);
        assertThat(SpaceMouseModel.find(0x256f, 0xc633).layout()).isEqualTo(SpaceMouseModel.Layout.COMBINED);
        assertThat(SpaceMouseModel.find(0x046d, 0xc62b).layout()).isEqualTo(SpaceMouseModel.Layout.SPLIT);
        assertThat(SpaceMouseModel.find(0x1234, 0x5678)).isNull();
    }
}
