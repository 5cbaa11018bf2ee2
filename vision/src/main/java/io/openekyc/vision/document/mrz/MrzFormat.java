package io.openekyc.vision.document.mrz;

/** Machine-readable-zone layouts: ICAO 9303 TD1, TD2, TD3 and visas (MRV-A, MRV-B), and France's pre-2021 ID card. */
public enum MrzFormat {
    TD1(3, 30),
    TD2(2, 36),
    TD3(2, 44),
    MRV_A(2, 44),
    MRV_B(2, 36),
    FRENCH_ID(2, 36);

    private final int lines;
    private final int length;

    MrzFormat(int lines, int length) {
        this.lines = lines;
        this.length = length;
    }

    public int lines() {
        return lines;
    }

    public int length() {
        return length;
    }

    /** The layout of exactly-sized lines, or null when no layout has this shape. */
    public static MrzFormat of(java.util.List<String> lines) {
        if (lines.size() == 3 && lines.stream().allMatch(l -> l.length() == 30)) {
            return TD1;
        }
        if (lines.size() != 2 || lines.get(0).length() != lines.get(1).length()) {
            return null;
        }
        String first = lines.get(0);
        if (first.length() == 44) {
            return first.charAt(0) == 'V' ? MRV_A : TD3;
        }
        if (first.length() == 36) {
            if (first.startsWith("IDFRA")) {
                return FRENCH_ID;
            }
            return first.charAt(0) == 'V' ? MRV_B : TD2;
        }
        return null;
    }
}
