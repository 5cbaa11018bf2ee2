package io.openekyc.vision.document.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Random Filipino identities from short lists of common given names, surnames and places (the shared
 * data has no Philippine names). Compound given names and surnames with particles ("DELA CRUZ",
 * "DE LOS SANTOS") are included because they are common and make the name split non-trivial.
 */
public final class PhIdentityFactory {

    private static final List<String> SURNAMES = List.of("SANTOS", "REYES", "CRUZ", "BAUTISTA", "OCAMPO", "GARCIA",
            "MENDOZA", "TORRES", "TOMAS", "ANDRADA", "CASTILLO", "FLORES", "VILLANUEVA", "RAMOS", "CASTRO", "RIVERA",
            "AQUINO", "NAVARRO", "SALAZAR", "MERCADO", "AGUILAR", "GONZALES", "LOPEZ", "PASCUAL", "DIZON", "MANALO",
            "SORIANO", "MAGBANUA", "DIMAGIBA", "MACARAEG", "LIM", "TAN", "DELA CRUZ", "DE LEON", "DEL ROSARIO",
            "DE LOS SANTOS", "SAN JOSE");
    private static final List<String> MALE = List.of("JOSE", "JUAN", "MARK", "MICHAEL", "RONALDO", "ERNESTO",
            "JERICHO", "ANTONIO", "RODRIGO", "EDUARDO", "JOHN PAUL", "JUAN MIGUEL", "CHRISTIAN", "ROMMEL", "ARNEL");
    private static final List<String> FEMALE = List.of("MARIA", "ANA", "ROSALIE", "JOCELYN", "ANGELICA", "KRISTINE",
            "LEONORA", "CARMELITA", "MARICEL", "LORNA", "MARIA CRISTINA", "ANNA MARIE", "MYLENE", "GLORIA", "TERESITA");
    private static final List<String> STREETS = List.of("RIZAL", "MABINI", "BONIFACIO", "LUNA", "BURGOS",
            "AGUINALDO", "DEL PILAR", "QUEZON", "LAPU-LAPU", "MAGSAYSAY");
    private static final List<String> BARANGAYS = List.of("POBLACION", "SAN ISIDRO", "SAN ROQUE", "BAGONG SILANG",
            "MALINIS", "SAN JOSE", "CABAROAN", "MABINI", "BURGOS", "SAN ANTONIO", "BAGUMBAYAN", "SAN VICENTE");
    /** City, province, ZIP code. */
    private static final List<String[]> PLACES = List.of(new String[] {"QUEZON CITY", "METRO MANILA", "1100"},
            new String[] {"MAKATI CITY", "METRO MANILA", "1200"}, new String[] {"TAGUIG CITY", "METRO MANILA", "1630"},
            new String[] {"CEBU CITY", "CEBU", "6000"}, new String[] {"DAVAO CITY", "DAVAO DEL SUR", "8000"},
            new String[] {"ILOILO CITY", "ILOILO", "5000"}, new String[] {"BACOLOD CITY", "NEGROS OCCIDENTAL", "6100"},
            new String[] {"SAN FERNANDO", "PAMPANGA", "2000"}, new String[] {"BAGUIO CITY", "BENGUET", "2600"},
            new String[] {"CAGAYAN DE ORO CITY", "MISAMIS ORIENTAL", "9000"},
            new String[] {"SAN ESTEBAN", "ILOCOS SUR", "2706"}, new String[] {"LIPA CITY", "BATANGAS", "4217"},
            new String[] {"TACLOBAN CITY", "LEYTE", "6500"}, new String[] {"DAGUPAN CITY", "PANGASINAN", "2400"});

    public PhIdentity next(Random random) {
        String sex = random.nextBoolean() ? "M" : "F";
        String first = pick(sex.equals("M") ? MALE : FEMALE, random);
        String last = pick(SURNAMES, random);
        String middle = pick(SURNAMES, random);
        while (middle.equals(last)) {
            middle = pick(SURNAMES, random);
        }
        LocalDate birth = LocalDate.of(1950 + random.nextInt(56), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String[] place = PLACES.get(random.nextInt(PLACES.size()));
        String address = (1 + random.nextInt(999)) + " " + pick(STREETS, random) + " ST., BRGY. " + pick(BARANGAYS, random)
                + ", " + place[0] + ", " + place[1] + " " + place[2];
        return new PhIdentity(last, first, middle, birth, sex, address, digits(random, 12), "0" + digits(random, 11));
    }

    private static String pick(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String digits(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }
}
