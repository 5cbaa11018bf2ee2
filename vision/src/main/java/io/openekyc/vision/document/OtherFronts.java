package io.openekyc.vision.document;

import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.document.ph.PhilHealthReader;
import io.openekyc.vision.document.ph.UmidReader;
import io.openekyc.vision.document.vn.CmndReader;
import io.openekyc.vision.document.vn.DriverLicenceReader;
import io.openekyc.vision.document.vn.MrcReader;
import io.openekyc.vision.image.RgbImage;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Fronts of the cards other than the CCCD (PhilHealth ID, UMID, Vietnamese driving licence, the
 * old 9-digit CMND) and the owner-and-vehicle side of a motorcycle registration, told apart by their
 * title in the top third of the straightened card, then read by their own reader. The title is read with English OCR: every one of these cards but the CMND
 * carries an English title, and the CMND's reads well enough without its tone marks.
 */
public final class OtherFronts {

    /** A card read: the document type, its side, FinOS-style type code and the printed fields. */
    public record Read(String documentType, CardSide side, String typeCode, Map<String, CardField> fields) {

        Read(String documentType, String typeCode, Map<String, CardField> fields) {
            this(documentType, CardSide.FRONT, typeCode, fields);
        }
    }

    /** The kind an old CMND's title names ("Chứng minh nhân dân"): a variant of the national ID. */
    static final String CMND = "vn.national_id";
    /** FinOS's type codes of a motorcycle registration's owner-and-vehicle side: the paper certificate and the 2020 card. */
    public static final String MRC_OLD = "old_register_card_back";
    public static final String MRC_NEW = "new_register_card_back";

    private final TextRecognizer english;
    private final PhilHealthReader philHealth;
    private final UmidReader umid;
    private final DriverLicenceReader licence;
    private final CmndReader cmnd;
    private final MrcReader registration;

    /** @param latin PP-OCR, the second reading of blurred values (the old CMND's birth date, the licence's dates, PhilHealth's PIN and birth date, UMID's sex and birth date, a registration's dates) */
    public OtherFronts(TextRecognizer english, TextRecognizer vietnamese, LatinRecognizer latin, Clock clock) {
        this.english = english;
        this.philHealth = new PhilHealthReader(english, latin);
        this.umid = new UmidReader(english, latin);
        this.licence = new DriverLicenceReader(vietnamese, latin, clock);
        this.cmnd = new CmndReader(vietnamese, latin);
        this.registration = new MrcReader(vietnamese, latin, clock);
    }

    /** The title strip of a straightened card (top fifth), read with English OCR. */
    public String title(RgbImage card) {
        return String.join(" ", CardText.lines(english, card, 150, 0, 850, 200, 1));
    }

    /** Empty when the title names none of these cards, or when none of id, name and birth date was read. */
    public Optional<Read> read(RgbImage card, String title) {
        Optional<Read> read = switch (kind(title)) {
            case "ph.umid" -> Optional.of(new Read("ph.umid", "umid_front", umid.read(card)));
            case "ph.philhealth" -> Optional.of(new Read("ph.philhealth", "philhealth_front", philHealth.read(card)));
            case "vn.driver_license" -> Optional.of(new Read("vn.driver_license", "dl_new_front", licence.read(card)));
            case CMND -> Optional.of(new Read("vn.national_id", "cmnd_old_front", cmnd.read(card)));
            case "vn.mrc" -> {
                MrcReader.Read mrc = registration.read(card);
                yield Optional.of(new Read("vn.mrc", CardSide.BACK, mrc.newCard() ? MRC_NEW : MRC_OLD, mrc.fields()));
            }
            default -> Optional.empty();
        };
        return read.filter(r -> present(r, "id_number") || present(r, "full_name") || present(r, "date_of_birth")
                || present(r, "number_plate") || present(r, "chassis_number"));
    }

    /**
     * Whether a title reads as a Vietnamese identity card's: the state header ("Cộng hòa xã hội chủ
     * nghĩa Việt Nam") or the card's name (Căn cước (công dân), Chứng minh nhân dân). Without a QR this
     * is what tells a CCCD front from any other card with a number, a name and a date on it.
     */
    static boolean nationalIdTitle(String title) {
        String t = CardText.fold(title).replaceAll("\\s+", " ");
        if (t.contains("ho chieu") || t.contains("passport") || registration(t)) {
            return false; // a passport page or a vehicle registration carries the state header too
        }
        return t.contains("cong hoa") || t.contains("chu nghia") || t.contains("viet nam") || t.contains("can cu")
                || t.contains("cong dan") || t.contains("chung minh");
    }

    /**
     * The card type its title names. The UMID is tested first: its title line lists the agencies
     * it serves, PhilHealth among them.
     */
    static String kind(String title) {
        String t = CardText.fold(title).replaceAll("\\s+", " ");
        if (t.contains("unified") || t.contains("multi-purpose") || t.contains("umid") || t.contains("crn-")) {
            return "ph.umid";
        }
        if (t.contains("philhealth") || t.contains("health insurance")) {
            return "ph.philhealth";
        }
        // Before the CMND: "chứng nhận đăng ký" holds "nhan dan" once its marks are gone.
        if (registration(t)) {
            return "vn.mrc";
        }
        // The old CMND's title, "GIẤY CHỨNG MINH NHÂN DÂN", read without its tone marks.
        if (t.contains("chung minh") || t.contains("minh nhan") || t.contains("nhan dan")) {
            return "vn.national_id";
        }
        if (t.contains("driver") || t.contains("license") || t.contains("giay phep") || t.contains("lai xe")) {
            return "vn.driver_license";
        }
        return "";
    }

    /** A motorcycle registration's title: "Giấy chứng nhận đăng ký xe mô tô, xe máy" (on the 2020 card also in English). */
    private static boolean registration(String folded) {
        return folded.contains("dang ky xe") || folded.contains("chung nhan dang") || folded.contains("xe mo to")
                || folded.contains("xe may") || folded.contains("motorcycle") || folded.contains("registration cert");
    }

    private static boolean present(Read read, String field) {
        CardField f = read.fields().get(field);
        return f != null && !f.value().isBlank();
    }
}
