package io.openekyc.vision.document.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.openekyc.vision.document.vn.CccdQr;
import io.openekyc.vision.image.RgbImage;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrReaderTest {

    private static final String PAYLOAD =
            "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021";

    @Test
    void aCccdQrPrintedSmallOnACardIsReadAndParsed() throws Exception {
        RgbImage card = cardWithQr(encode(PAYLOAD, 4), 900, 570);
        String text = new QrReader().read(card).orElseThrow();
        assertThat(text).isEqualTo(PAYLOAD);
        CccdQr qr = CccdQr.parse(text).orElseThrow();
        assertThat(qr.number()).isEqualTo("001090123456");
        assertThat(qr.oldNumber()).isEqualTo("012345678");
        assertThat(qr.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(qr.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(qr.sex()).isEqualTo("M");
        assertThat(qr.issueDate()).isEqualTo(LocalDate.of(2021, 4, 15));
    }

    @Test
    void aPictureWithoutQrGivesNothingAndOtherPayloadsAreNotCccd() {
        int[] grey = new int[300 * 200];
        java.util.Arrays.fill(grey, 0xA0A0A0);
        assertThat(new QrReader().read(new RgbImage(300, 200, grey))).isEmpty();
        assertThat(CccdQr.parse("https://example.org/not-an-id")).isEmpty();
        assertThat(CccdQr.parse("001090123456||Nguyễn Thị B|31022000|Nữ|Hà Nội|01012021")).isEmpty(); // 31 Feb
        assertThat(CccdQr.parse("001090123456||Nguyễn Thị B|01022000|Nữ|Hà Nội|01012021").orElseThrow().sex())
                .isEqualTo("F");
    }

    static BitMatrix encode(String text, int module) throws Exception {
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
    }

    /** A pale card with the QR in its upper right corner, each module 3 pixels. */
    static RgbImage cardWithQr(BitMatrix qr, int width, int height) {
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, 0xE8EEF4);
        int module = 3;
        int x0 = width - qr.getWidth() * module - 40;
        int y0 = 40;
        for (int y = 0; y < qr.getHeight() * module; y++) {
            for (int x = 0; x < qr.getWidth() * module; x++) {
                px[(y0 + y) * width + x0 + x] = qr.get(x / module, y / module) ? 0x101010 : 0xF8F8F8;
            }
        }
        return new RgbImage(width, height, px);
    }
}
