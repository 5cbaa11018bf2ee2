package io.openekyc.server.applications;

/** Where an application is in its lifecycle; the decision issue adds the terminal states' rules. */
public enum ApplicationState {
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    INCOMPLETE("incomplete");

    private final String code;

    ApplicationState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ApplicationState of(String code) {
        for (ApplicationState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown application state " + code);
    }
}
