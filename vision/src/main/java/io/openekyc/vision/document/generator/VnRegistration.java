package io.openekyc.vision.document.generator;

import java.time.LocalDate;

/**
 * A made-up motorcycle registration ("Giấy chứng nhận đăng ký xe mô tô, xe máy", "cà vẹt"): the
 * owner, the vehicle and where and when it was registered. The plate opens with the registering
 * province's code.
 *
 * @param newCard             the plastic card of 2020 (else the old paper certificate)
 * @param placeOfRegistration the place printed before the date of the last registration (the
 *                            province on the paper certificate, the district on the card)
 * @param placeOfIssue        the issuing police unit, printed on the card only (null on paper)
 */
public record VnRegistration(boolean newCard, String ownerName, String address, String brand, String model,
                             String color, String engineNumber, String chassisNumber, String numberPlate,
                             String placeOfRegistration, LocalDate firstRegistration, LocalDate lastRegistration,
                             String placeOfIssue) {
}
