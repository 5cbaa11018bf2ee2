package io.openekyc.vision.document;

import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.vn.CccdQr;
import io.openekyc.vision.quality.QualityCheck;
import java.util.List;
import java.util.Map;

/**
 * What the document engine made of one photo.
 *
 * @param documentType {@code vn.national_id}, {@code vn.passport} (another country's: {@code passport}), {@code vn.driver_license},
 *                     {@code vn.mrc} (motorcycle registration), {@code ph.philhealth} or {@code ph.umid}; null when no
 *                     readable document was found
 * @param typeCode     the side's type code as FinOS names them ({@code cccd_chip_front}, {@code cccd_front},
 *                     {@code cccd_chip_back}, {@code vn_passport_front}, {@code dl_new_front}, {@code philhealth_front},
 *                     {@code umid_front}; the 2024 "Căn cước" card: {@code can_cuoc_front}, {@code can_cuoc_back};
 *                     the 9-digit CMND: {@code cmnd_old_front}, {@code cmnd_old_back}; the 12-digit CMND:
 *                     {@code cmnd_new_front}; the backs of the 12-digit CMND and the 2016 CCCD: {@code cmnd_new_cccd_back};
 *                     motorcycle registrations: {@code old_register_card_back}, {@code new_register_card_back});
 *                     null when not found
 * @param located      the card's corners in the photo, null when no card outline was found
 * @param fields       canonical names: id_number, full_name, date_of_birth (dd/MM/yyyy), sex (Nam/Nữ; M/F on
 *                     Philippine cards), nationality, place_of_origin, place_of_birth (2024 card), place_of_residence, date_of_expiry,
 *                     date_of_issue, place_of_issue; CMND: ethnicity, religion (9-digit back); Philippine cards: last_name, first_name, middle_name, address (full_name
 *                     is given, middle and last name); driving licence: licence_class; motorcycle registration:
 *                     full_name (owner), address, brand, model, color, engine_number, chassis_number, number_plate,
 *                     place_of_registration, first_registration_date, last_registration_date, place_of_issue
 * @param printed      the card face's OCR values before the QR replaced any (fronts only; for review and evaluation)
 * @param quality      photo checks: blur, glare, too_dark, black_and_white, captured_from_screen, face_missing,
 *                     partial_card, corner_cut
 * @param rules        consistency rules on the values (id number length, birth code, gender/century digit, expiry)
 * @param tampering    signals of an altered card (QR vs printed fields)
 */
public record CardReading(String documentType, CardSide side, String typeCode, CardLocator.Located located,
                          Map<String, CardField> fields, Map<String, String> printed, MrzResult mrz, CccdQr qr, List<QualityCheck> quality,
                          List<QualityCheck> rules, List<QualityCheck> tampering, double millis) {

    public boolean found() {
        return typeCode != null;
    }

    /** {@code vn.national_id.front} style label (000's {@code label}), null when not found. */
    public String label() {
        return found() ? documentType + "." + side.name().toLowerCase(java.util.Locale.ROOT) : null;
    }

    public String value(String field) {
        CardField f = fields.get(field);
        return f == null ? null : f.value();
    }

    public static boolean anyFailed(List<QualityCheck> checks) {
        return checks.stream().anyMatch(QualityCheck::failed);
    }
}
