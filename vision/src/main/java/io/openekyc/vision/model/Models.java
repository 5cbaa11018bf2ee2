package io.openekyc.vision.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled models: files fetched from registry packages at build time (vision/models.lock,
 * fetch-models.sh) and packaged under {@code /models}. Each file is checked against the sha256 of
 * the manifest before use; one ONNX Runtime session per model is created once and shared by all
 * threads (ORT sessions are safe for concurrent {@code run}).
 */
public final class Models implements AutoCloseable {

    private static final String MANIFEST = "/models/manifest.properties";
    private static final String INSTALL_HINT = "run ./mvnw -pl vision generate-resources (needs npm) to fetch it";

    private final OrtEnvironment environment =
            OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
    private final Properties manifest = new Properties();
    private final Map<String, Loaded> sessions = new ConcurrentHashMap<>();
    private final int threadsPerSession;

    /** A model ready to run, with what it is. */
    public record Loaded(OrtSession session, ModelInfo info) {
    }

    /** @param threadsPerSession intra-op threads of each session (1 keeps per-request latency predictable under load) */
    public Models(int threadsPerSession) {
        this.threadsPerSession = threadsPerSession;
        try (InputStream in = Models.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new ModelUnavailable("no bundled models (" + MANIFEST + " is missing); " + INSTALL_HINT);
            }
            manifest.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Models() {
        this(1);
    }

    public OrtEnvironment environment() {
        return environment;
    }

    /** The session of {@code package/file}, loading and verifying it on first use. */
    public Loaded get(String name) {
        return sessions.computeIfAbsent(name, this::load);
    }

    /** The bytes of a bundled non-ONNX file (e.g. OCR data), checked against the manifest's sha256. */
    public byte[] file(String name) {
        String entry = manifest.getProperty(name);
        if (entry == null) {
            throw new ModelUnavailable("file " + name + " is not in the bundled manifest; " + INSTALL_HINT);
        }
        byte[] bytes = read(name);
        String actual = sha256(bytes);
        if (!actual.equals(entry.split(" ")[1])) {
            throw new ModelUnavailable("bundled file " + name + " is damaged; " + INSTALL_HINT);
        }
        return bytes;
    }

    private static byte[] read(String name) {
        try (InputStream in = Models.class.getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new ModelUnavailable("model file " + name + " is missing; " + INSTALL_HINT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Loaded load(String name) {
        String entry = manifest.getProperty(name);
        if (entry == null) {
            throw new ModelUnavailable("model " + name + " is not in the bundled manifest; " + INSTALL_HINT);
        }
        String[] versionAndSha = entry.split(" ");
        byte[] bytes = read(name);
        String actual = sha256(bytes);
        if (!actual.equals(versionAndSha[1])) {
            throw new ModelUnavailable("model file " + name + " is damaged (sha256 " + actual + ", expected "
                    + versionAndSha[1] + "); " + INSTALL_HINT);
        }
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threadsPerSession);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new Loaded(environment.createSession(bytes, options), new ModelInfo(name, versionAndSha[0], actual));
        } catch (OrtException e) {
            throw new ModelUnavailable("ONNX Runtime cannot load " + name + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Loaded loaded : sessions.values()) {
            try {
                loaded.session().close();
            } catch (OrtException ignored) {
                // closing at shutdown: nothing left to do
            }
        }
        sessions.clear();
    }
}
