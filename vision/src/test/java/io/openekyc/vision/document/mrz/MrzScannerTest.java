package io.openekyc.vision.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading MRZs from pictures: the ICAO specimens of the shared PassportEye data, whose fields are known. */
class MrzScannerTest {

    @TempDir
    static Path cache;
    private static Models models;
    private static TextRecognizer ocr;

    @BeforeAll
    static void load() {
        models = new Models();
        ocr = new TextRecognizer(models, cache);
    }

    @AfterAll
    static void close() {
        ocr.close();
        models.close();
    }

    @Test
    void readsTheIcaoSpecimenPassport() throws Exception {
        MrzResult result = scan("id-docs/passporteye/tests/data/passport-td3.jpg");
        assertThat(result).isNotNull();
        assertThat(result.format()).isEqualTo(MrzFormat.TD3);
        assertThat(result.valid()).isTrue();
        assertThat(result.fields()).containsEntry("document_number", "L898902C3").containsEntry("birth_date", "740812")
                .containsEntry("expiry_date", "120415").containsEntry("surname", "ERIKSSON")
                .containsEntry("given_names", "ANNA MARIA");
    }

    @Test
    void readsTheCheckedFieldsOfTheTd2Specimen() throws Exception {
        MrzResult result = scan("id-docs/passporteye/tests/data/passport-td2.png");
        assertThat(result).isNotNull();
        assertThat(result.format()).isEqualTo(MrzFormat.TD2);
        assertThat(result.check("document_number")).isTrue();
        assertThat(result.check("birth_date")).isTrue();
        assertThat(result.fields()).containsEntry("birth_date", "740812");
    }

    @Test
    void aPictureWithoutAnMrzGivesNothing() throws Exception {
        assertThat(scan("faces/face-api-js/images/bbt1.jpg")).isNull();
    }

    @Test
    void withoutTheOcrBFontTesseractStillReadsTheSpecimen() throws Exception {
        MrzResult result = new MrzScanner(ocr, null)
                .scan(new ImageDecoder().decode(SharedData.read("id-docs/passporteye/tests/data/passport-td3.jpg")));
        assertThat(result).isNotNull();
        assertThat(result.fields()).containsEntry("document_number", "L898902C3").containsEntry("birth_date", "740812");
    }

    private static MrzResult scan(String path) throws Exception {
        return new MrzScanner(ocr).scan(new ImageDecoder().decode(SharedData.read(path)));
    }
}
