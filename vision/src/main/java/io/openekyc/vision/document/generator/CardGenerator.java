package io.openekyc.vision.document.generator;

import io.openekyc.vision.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes photographed specimen documents with their ground truth: for each chip CCCD a front and a
 * back photo ({@code NNNN_front.jpg} / {@code NNNN_back.jpg}), for each passport its data page
 * ({@code NNNN_front.jpg}), and a JSON file beside each. Degradations
 * cycle so every kind is equally represented. The same seed gives the same files.
 */
public final class CardGenerator {

    /**
     * {@code vn.national_id.2024}: the 2024 "Căn cước" card; {@code vn.national_id.2016}: the CCCD without chip;
     * {@code vn.national_id.cmnd}: the old 9-digit CMND; {@code vn.national_id.cmnd12}: the 12-digit CMND; all
     * variants of vn.national_id, front and back.
     */
    public static final List<String> TYPES = List.of("vn.national_id", "vn.national_id.2024", "vn.national_id.2016",
            "vn.national_id.cmnd", "vn.national_id.cmnd12", "ph.philhealth", "ph.umid", "vn.driver_license",
            "vn.passport", "vn.mrc");

    private final IdentityFactory identities;
    private final CardRenderer renderer = new CardRenderer();
    private final PassportRenderer passports = new PassportRenderer();
    private final PhCardRenderer philippine = new PhCardRenderer(renderer);
    private final CanCuocRenderer canCuoc = new CanCuocRenderer(renderer);
    private final CmndRenderer cmnd = new CmndRenderer(renderer);
    private final LicenceRenderer licences = new LicenceRenderer(renderer);
    private final MrcRenderer registrations = new MrcRenderer(renderer);
    private final PhIdentityFactory filipinos = new PhIdentityFactory();
    private final Photographer photographer = new Photographer();
    private final JsonMapper json = JsonMapper.builder().build();

    public CardGenerator(IdentityFactory identities) {
        this.identities = identities;
    }

    public void generate(String type, int count, long seed, Path out, BufferedImage portrait) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("the generator renders " + TYPES + "; " + type + " is not supported yet");
        }
        Random random = new Random(seed);
        try {
            Files.createDirectories(out);
            for (int i = 0; i < count; i++) {
                if (type.equals("vn.passport")) {
                    writePassport(out, i, seed, portrait, random);
                    continue;
                }
                if (type.equals("vn.mrc")) {
                    registration(out, i, seed, random);
                    continue;
                }
                if (type.equals("vn.national_id.2024")) {
                    canCuoc(type, out, i, seed, random, portrait);
                    continue;
                }
                if (type.equals("vn.national_id.2016")) {
                    cccd2016(type, out, i, seed, random, portrait);
                    continue;
                }
                if (type.startsWith("vn.national_id.cmnd")) {
                    cmnd(type, out, i, seed, random, portrait);
                    continue;
                }
                if (!type.equals("vn.national_id")) {
                    frontOnly(type, out, i, seed, random, portrait);
                    continue;
                }
                VnIdentity id = identities.next(random);
                String degradation = Photographer.DEGRADATIONS.get(i % Photographer.DEGRADATIONS.size());
                String name = String.format("%04d", i);
                write(out, name + "_front", RgbImage.of(renderer.front(id, portrait)), degradation, random,
                        truth(type, "cccd_chip_front", "front", id, seed, i));
                Map<String, Object> back = truth(type, "cccd_chip_back", "back", id, seed, i);
                back.put("mrz", CardRenderer.mrz(id));
                write(out, name + "_back", RgbImage.of(renderer.back(id)), degradation, random, back);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + out, e);
        }
    }

    /**
     * The 2024 card: each side's truth lists the fields printed on it (the back's name is in the
     * MRZ only, without diacritics, so it is not listed there).
     */
    private void canCuoc(String type, Path out, int i, long seed, Random random, BufferedImage portrait)
            throws IOException {
        VnIdentity id = identities.next2024(random);
        String degradation = Photographer.DEGRADATIONS.get(i % Photographer.DEGRADATIONS.size());
        String name = String.format("%04d", i);
        Map<String, Object> front = truth(type, "can_cuoc_2024_front", "front", id, seed, i);
        Map<String, Object> frontFields = fields(front);
        frontFields.keySet().retainAll(List.of("id_number", "full_name", "date_of_birth", "sex", "nationality"));
        write(out, name + "_front", RgbImage.of(canCuoc.front(id, portrait)), degradation, random, front);
        Map<String, Object> back = truth(type, "can_cuoc_2024_back", "back", id, seed, i);
        Map<String, Object> backFields = fields(back);
        backFields.remove("place_of_origin");
        backFields.remove("features");
        backFields.remove("full_name");
        backFields.remove("nationality");
        backFields.put("place_of_birth", id.placeOfOrigin());
        back.put("mrz", CardRenderer.mrz(id));
        write(out, name + "_back", RgbImage.of(canCuoc.back(id)), degradation, random, back);
    }

    /** The 2016 CCCD (no chip): the front prints the chip front's fields, the back its issue date and issuer, no MRZ. */
    private void cccd2016(String type, Path out, int i, long seed, Random random, BufferedImage portrait)
            throws IOException {
        VnIdentity id = identities.next2016(random);
        String degradation = Photographer.DEGRADATIONS.get(i % Photographer.DEGRADATIONS.size());
        String name = String.format("%04d", i);
        Map<String, Object> front = truth(type, "cccd_front", "front", id, seed, i);
        front.remove("qr");
        fields(front).keySet().removeAll(List.of("date_of_issue", "features"));
        write(out, name + "_front", RgbImage.of(renderer.front2016(id, portrait)), degradation, random, front);
        Map<String, Object> back = truth(type, "cmnd_new_cccd_back", "back", id, seed, i);
        fields(back).keySet().retainAll(List.of("date_of_issue", "features"));
        fields(back).put("place_of_issue", PLACE_OF_ISSUE_2016);
        write(out, name + "_back", RgbImage.of(renderer.back2016(id)), degradation, random, back);
    }

    /** Who signs a 2016 CCCD: the director of this police department ("CỤC TRƯỞNG" is the title, not the issuer). */
    static final String PLACE_OF_ISSUE_2016 = "CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ";

    /** A CMND, 9-digit ({@code vn.national_id.cmnd}) or 12-digit ({@code .cmnd12}), front and back. */
    private void cmnd(String type, Path out, int i, long seed, Random random, BufferedImage portrait)
            throws IOException {
        boolean twelve = type.endsWith("cmnd12");
        VnCmnd cmnd = twelve ? identities.nextCmnd12(random) : identities.cmnd(identities.nextCmnd(random), random);
        VnIdentity id = cmnd.holder();
        String degradation = Photographer.DEGRADATIONS.get(i % Photographer.DEGRADATIONS.size());
        String name = String.format("%04d", i);
        Map<String, Object> front = truth(type, twelve ? "cmnd_new_front" : "cmnd_old_front", "front", id, seed, i);
        front.remove("qr");
        fields(front).keySet().retainAll(twelve
                ? List.of("id_number", "full_name", "date_of_birth", "sex", "place_of_origin", "place_of_residence",
                        "date_of_expiry")
                : List.of("id_number", "full_name", "date_of_birth", "place_of_origin", "place_of_residence"));
        if (twelve) {
            fields(front).put("ethnicity", cmnd.ethnicity());
        }
        write(out, name + "_front", RgbImage.of(twelve ? this.cmnd.front12(cmnd, portrait) : this.cmnd.front(id, portrait)),
                degradation, random, front);
        Map<String, Object> back = truth(type, twelve ? "cmnd_new_cccd_back" : "cmnd_old_back", "back", id, seed, i);
        fields(back).keySet().retainAll(List.of("date_of_issue", "features"));
        fields(back).put("place_of_issue", cmnd.placeOfIssue());
        if (!twelve) {
            fields(back).put("ethnicity", cmnd.ethnicity());
            fields(back).put("religion", cmnd.religion());
        }
        write(out, name + "_back", RgbImage.of(this.cmnd.back(cmnd)), degradation,
                random, back);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Map<String, Object> truth) {
        return (Map<String, Object>) truth.get("fields");
    }

    /** The other card types: a front only, with the fields it prints. */
    private void frontOnly(String type, Path out, int i, long seed, Random random, BufferedImage portrait)
            throws IOException {
        String degradation = Photographer.DEGRADATIONS.get(i % Photographer.DEGRADATIONS.size());
        Map<String, Object> fields = new LinkedHashMap<>();
        RgbImage card;
        String label;
        if (type.equals("vn.driver_license")) {
            VnLicence licence = identities.nextLicence(random);
            card = RgbImage.of(licences.front(licence, portrait));
            label = "dl_new_front";
            fields.put("id_number", licence.number());
            fields.put("full_name", licence.holder().fullName());
            fields.put("date_of_birth", CardRenderer.printed(licence.holder().birthDate()));
            fields.put("nationality", licence.holder().nationality().toUpperCase(java.util.Locale.ROOT));
            fields.put("place_of_residence", licence.holder().placeOfResidence());
            fields.put("licence_class", licence.licenceClass());
            fields.put("date_of_expiry", licence.expiryDate() == null ? VnLicence.NO_EXPIRY
                    : CardRenderer.printed(licence.expiryDate()));
        } else {
            PhIdentity id = filipinos.next(random);
            boolean philHealth = type.equals("ph.philhealth");
            card = RgbImage.of(philHealth ? philippine.philHealth(id, portrait) : philippine.umid(id, portrait));
            label = philHealth ? "philhealth_front" : "umid_front";
            fields.put("id_number", philHealth ? id.printedPin() : id.printedCrn());
            fields.put("full_name", id.fullName());
            fields.put("last_name", id.lastName());
            fields.put("first_name", id.firstName());
            fields.put("middle_name", id.middleName());
            fields.put("date_of_birth", CardRenderer.printed(id.birthDate()));
            fields.put("sex", id.sex());
            fields.put("address", id.address());
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("type", type);
        truth.put("label", label);
        truth.put("side", "front");
        truth.put("seed", seed);
        truth.put("index", i);
        truth.put("fields", fields);
        write(out, String.format("%04d_front", i), card, degradation, random, truth);
    }

    /**
     * A motorcycle registration's owner-and-vehicle side ({@code NNNN_back.jpg}), the old paper
     * certificate and the 2020 card in turn; the card's issuing unit is listed only where printed.
     */
    private void registration(Path out, int i, long seed, Random random) throws IOException {
        VnRegistration r = identities.nextRegistration(random, i % 2 == 1);
        String degradation = Photographer.DEGRADATIONS.get(i % Photographer.DEGRADATIONS.size());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("full_name", r.ownerName());
        fields.put("address", r.address());
        fields.put("brand", r.brand());
        fields.put("model", r.model());
        fields.put("color", r.color());
        fields.put("engine_number", r.engineNumber());
        fields.put("chassis_number", r.chassisNumber());
        fields.put("number_plate", r.numberPlate());
        fields.put("place_of_registration", r.placeOfRegistration());
        fields.put("first_registration_date", CardRenderer.printed(r.firstRegistration()));
        fields.put("last_registration_date", CardRenderer.printed(r.lastRegistration()));
        if (r.placeOfIssue() != null) {
            fields.put("place_of_issue", r.placeOfIssue());
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("type", "vn.mrc");
        truth.put("label", r.newCard() ? "new_register_card_back" : "old_register_card_back");
        truth.put("side", "back");
        truth.put("seed", seed);
        truth.put("index", i);
        truth.put("fields", fields);
        write(out, String.format("%04d_back", i), RgbImage.of(registrations.render(r)), degradation, random, truth);
    }

    private void writePassport(Path out, int index, long seed, BufferedImage portrait, Random random) throws IOException {
        VnPassport passport = identities.passport(random);
        VnIdentity holder = passport.holder();
        String degradation = Photographer.DEGRADATIONS.get(index % Photographer.DEGRADATIONS.size());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("passport_number", passport.number());
        fields.put("id_number", holder.number());
        fields.put("full_name", holder.fullName());
        fields.put("date_of_birth", CardRenderer.printed(holder.birthDate()));
        fields.put("sex", holder.sexLabel());
        // The engine reports the MRZ's ICAO code; the page prints "VIỆT NAM/VIETNAMESE".
        fields.put("nationality", "VNM");
        fields.put("place_of_birth", passport.placeOfBirth());
        fields.put("date_of_issue", CardRenderer.printed(passport.issueDate()));
        fields.put("date_of_expiry", CardRenderer.printed(passport.expiryDate()));
        fields.put("place_of_issue", passport.placeOfIssue());
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("type", "vn.passport");
        truth.put("label", "vn_passport_front");
        truth.put("side", "front");
        truth.put("seed", seed);
        truth.put("index", index);
        truth.put("fields", fields);
        truth.put("mrz", PassportRenderer.mrz(passport));
        write(out, String.format("%04d_front", index), RgbImage.of(passports.page(passport, portrait)), degradation,
                random, truth);
    }

    private Map<String, Object> truth(String type, String label, String side, VnIdentity id, long seed, int index) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id_number", id.number());
        fields.put("full_name", id.fullName());
        fields.put("date_of_birth", CardRenderer.printed(id.birthDate()));
        fields.put("sex", id.sexLabel());
        fields.put("nationality", id.nationality());
        fields.put("place_of_origin", id.placeOfOrigin());
        fields.put("place_of_residence", id.placeOfResidence());
        fields.put("date_of_expiry", id.expiryDate() == null ? "Không thời hạn" : CardRenderer.printed(id.expiryDate()));
        fields.put("date_of_issue", CardRenderer.printed(id.issueDate()));
        fields.put("features", id.features());
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("type", type);
        truth.put("label", label);
        truth.put("side", side);
        truth.put("seed", seed);
        truth.put("index", index);
        truth.put("fields", fields);
        if (side.equals("front")) {
            truth.put("qr", CardRenderer.qrPayload(id));
        }
        return truth;
    }

    private void write(Path out, String name, RgbImage card, String degradation, Random random,
                       Map<String, Object> truth) throws IOException {
        Photographer.Photo photo = photographer.shoot(card, degradation, random);
        truth.put("degradation", photo.degradation());
        truth.put("jpeg_quality", photo.jpegQuality());
        truth.put("corners", photo.corners());
        truth.put("image", name + ".jpg");
        writeJpeg(photo.image().toBufferedImage(), out.resolve(name + ".jpg"), photo.jpegQuality());
        Files.writeString(out.resolve(name + ".json"),
                json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(truth));
    }

    static void writeJpeg(BufferedImage image, Path file, int quality) throws IOException {
        Files.write(file, jpeg(image, quality));
    }

    /** The generator's JPEG encoding (libjpeg's tables scaled to the quality, as most photo tools write). */
    public static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
