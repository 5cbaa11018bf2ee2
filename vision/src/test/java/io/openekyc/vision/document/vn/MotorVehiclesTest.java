package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MotorVehiclesTest {

    @Test
    void readValuesTakeTheListsSpellingAndLoseTrailingSpecks() {
        assertThat(MotorVehicles.brand("PIAGGIO %6")).isEqualTo("PIAGGIO");
        assertThat(MotorVehicles.model("VESPA SPRINT ,")).isEqualTo("VESPA SPRINT");
        assertThat(MotorVehicles.model("Air blade")).isEqualTo("AIR BLADE");
        assertThat(MotorVehicles.color("Xam Đen")).isEqualTo("Xám Đen");
        assertThat(MotorVehicles.color("Đỏ Đen")).isEqualTo("Đỏ Đen");
        // Not on a list: kept as read, and not "known".
        assertThat(MotorVehicles.brand("HONDO")).isEqualTo("HONDO");
        assertThat(MotorVehicles.known("HONDO")).isFalse();
        assertThat(MotorVehicles.known("Xám Đen")).isTrue();
    }
}
