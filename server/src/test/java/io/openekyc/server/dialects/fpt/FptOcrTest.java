package io.openekyc.server.dialects.fpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.CardSide;
import io.openekyc.vision.document.vn.AddressSplit;
import io.openekyc.vision.model.Models;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FptOcrTest {

    @Test
    void eachSideBecomesADataEntryWithProbabilitiesInPercentOrNa() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("id_number", new CardField("001187003568", 0.99, false, "qr"));
        fields.put("full_name", new CardField("PHẠM THỊ THU THỦY", 0.9234, false, "printed"));
        fields.put("sex", new CardField("Nữ", null, false, "printed"));
        fields.put("place_of_residence", new CardField("51/45 Chu Văn An, Phường 12, Quận Bình Thạnh, Thành Phố Hồ Chí Minh",
                null, false, "printed"));
        CardReading front = new CardReading("vn.national_id", CardSide.FRONT, "cccd_chip_front", null, fields, Map.of(),
                null, null, List.of(), List.of(), List.of(), 5);
        CardReading missing = new CardReading(null, null, null, null, Map.of(), Map.of(), null, null, List.of(),
                List.of(), List.of(), 5);
        try (Models models = new Models()) {
            Map<String, Object> block = FptOcr.block(List.of(front, missing), new AddressSplit(models));
            assertThat(block.get("code")).isEqualTo("200");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) block.get("data");
            assertThat(data).hasSize(1);
            Map<String, Object> entry = data.getFirst();
            assertThat(entry).containsEntry("id", "001187003568").containsEntry("id_prob", "99.00")
                    .containsEntry("name_prob", "92.34").containsEntry("sex", "NỮ").containsEntry("sex_prob", "N/A")
                    .containsEntry("type_new", "cccd_chip_front").containsEntry("type", "new")
                    .containsEntry("overall_score", "95.67");
            assertThat(entry.get("address_entities")).isEqualTo(Map.of("province", "Hồ Chí Minh",
                    "district", "Bình Thạnh", "ward", "12", "street", "51/45 Chu Văn An"));
            assertThat(FptOcr.block(List.of(missing), new AddressSplit(models)).get("code")).isEqualTo("422");
        }
    }

    @Test
    void aCmndBackGivesItsIssuerEthnicityAndReligion() {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("date_of_issue", new CardField("17/11/2011", null, false, "printed"));
        fields.put("place_of_issue", new CardField("CA BẮC NINH", null, false, "printed"));
        fields.put("ethnicity", new CardField("Kinh", null, false, "printed"));
        fields.put("religion", new CardField("Không", null, false, "printed"));
        CardReading back = new CardReading("vn.national_id", CardSide.BACK, "cmnd_old_back", null, fields, Map.of(),
                null, null, List.of(), List.of(), List.of(), 5);
        try (Models models = new Models()) {
            Map<String, Object> entry = FptOcr.entry(back, new AddressSplit(models));
            assertThat(entry).containsEntry("issue_date", "17/11/2011").containsEntry("issue_loc", "CA BẮC NINH")
                    .containsEntry("ethnicity", "Kinh").containsEntry("religion", "Không")
                    .containsEntry("type", "old_back").containsEntry("type_new", "cmnd_old_back");
        }
    }

    @Test
    void cmndFrontsAreTypedByTheirNumberLengthAsFptNamesThem() {
        assertThat(FptOcr.fptGeneration("cmnd_old_front")).isEqualTo("old");
        assertThat(FptOcr.fptGeneration("cmnd_new_front")).isEqualTo("new");
        assertThat(FptOcr.fptGeneration("cmnd_new_cccd_back")).isEqualTo("new_back");
        assertThat(FptOcr.fptGeneration("cccd_chip_back")).isEqualTo("new_back");
        CardReading old = new CardReading("vn.national_id", CardSide.FRONT, "cmnd_old_front", null, Map.of(), Map.of(),
                null, null, List.of(), List.of(), List.of(), 5);
        CardReading twelve = new CardReading("vn.national_id", CardSide.FRONT, "cmnd_new_front", null, Map.of(), Map.of(),
                null, null, List.of(), List.of(), List.of(), 5);
        assertThat(FptOcr.fptType(old)).isEqualTo("cmnd_09_front");
        assertThat(FptOcr.fptType(twelve)).isEqualTo("cmnd_12_front");
    }
}
