package io.openekyc.vision.model;

/** Which model produced a result: package/file, package version and file sha256. */
public record ModelInfo(String name, String version, String sha256) {

    /** Short form for evidence: {@code package/file@version}. */
    public String label() {
        return name + "@" + version;
    }
}
