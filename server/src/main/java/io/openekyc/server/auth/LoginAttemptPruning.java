package io.openekyc.server.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Login attempts matter only within the lock-out window; older rows are deleted hourly. */
@Component
public class LoginAttemptPruning {

    private final JdbcClient jdbc;

    public LoginAttemptPruning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int prune() {
        // Safe on several nodes at once: each delete is idempotent.
        return jdbc.sql("delete from login_attempt where attempted_at < now() - interval '1 day'").update();
    }
}
