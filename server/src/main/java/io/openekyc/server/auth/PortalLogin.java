package io.openekyc.server.auth;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.crypto.PasswordHasher;
import io.openekyc.server.dialects.platform.Envelope;
import io.openekyc.server.dialects.platform.PlatformError;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/users/login} of spec 000. Failed attempts are counted per user name in the
 * database (so the lock-out holds across nodes and restarts); after {@code maxFailures} within the
 * window the user is refused with 429, even with the right password, until the window passes.
 */
@RestController
public class PortalLogin {

    static final Pattern USER_NAME = Pattern.compile("^[a-z0-9_]{1,63}$");

    private final JdbcClient jdbc;
    private final PasswordHasher passwords;
    private final JwtService jwt;
    private final AuditLog audit;
    private final OpenEkycProperties properties;
    // Compared against when the user does not exist, so timing does not reveal which names exist.
    private final String decoyHash;

    public PortalLogin(JdbcClient jdbc, PasswordHasher passwords, JwtService jwt, AuditLog audit,
                       OpenEkycProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.jwt = jwt;
        this.audit = audit;
        this.properties = properties;
        this.decoyHash = passwords.hash("decoy-password-never-valid");
    }

    public record LoginRequest(String user_name, String password) {
    }

    private record PortalUser(long id, long tenantId, String passwordHash) {
    }

    @PostMapping("/auth/users/login")
    public Envelope login(@RequestBody LoginRequest request) {
        String userName = request.user_name();
        if (userName == null || !USER_NAME.matcher(userName).matches()) {
            throw PlatformError.invalidParameters("some parameters has invalid format",
                    Map.of("user_name", "[regex: " + USER_NAME.pattern() + "]"));
        }
        String password = request.password() == null ? "" : request.password();
        Instant windowStart = Instant.now().minus(properties.login().window());
        int recentFailures = jdbc.sql("""
                select count(*) from login_attempt
                where user_name = ? and not succeeded and attempted_at > ?""")
                .params(userName, java.sql.Timestamp.from(windowStart)).query(Integer.class).single();
        Optional<PortalUser> user = jdbc.sql("""
                select u.id, u.tenant_id, u.password_hash from portal_user u join tenant t on t.id = u.tenant_id
                where u.user_name = ? and u.active and t.active""")
                .param(userName)
                .query((rs, n) -> new PortalUser(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
        Long tenantId = user.map(PortalUser::tenantId).orElse(null);
        if (recentFailures >= properties.login().maxFailures()) {
            audit.record(tenantId, "login:" + userName, "login.locked_out", null);
            throw new PlatformError(HttpStatus.TOO_MANY_REQUESTS, "limit_exceeded", "too many failed login attempts");
        }
        boolean matches = passwords.matches(password, user.map(PortalUser::passwordHash).orElse(decoyHash));
        boolean succeeded = user.isPresent() && matches;
        jdbc.sql("insert into login_attempt (user_name, succeeded) values (?, ?)").params(userName, succeeded).update();
        if (!succeeded) {
            audit.record(tenantId, "login:" + userName, "login.failed", null);
            throw new PlatformError(HttpStatus.UNAUTHORIZED, "invalid_credential", "username or password is incorrect");
        }
        PortalUser portalUser = user.get();
        String token = jwt.issue(Long.toString(portalUser.id()), PortalAuthentication.TOKEN_TYPE,
                properties.tokens().portalTtl(), Map.of("tenant", portalUser.tenantId(), "user_name", userName));
        audit.record(portalUser.tenantId(), "portal_user:" + portalUser.id(), "login.succeeded", null);
        return Envelope.success(Map.of("access_token", token), "login success");
    }
}
