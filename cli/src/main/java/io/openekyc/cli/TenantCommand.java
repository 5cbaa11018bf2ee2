package io.openekyc.cli;

import io.openekyc.server.tenants.FlowSettings;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.server.tenants.TenantCredentials;
import io.openekyc.server.tenants.Tenants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "tenant", description = "Manage tenants.",
        subcommands = {TenantCommand.Create.class, TenantCommand.Set.class})
class TenantCommand {

    @Command(name = "create", description = "Create a tenant and print its credentials (shown only once).")
    static class Create implements Callable<Integer> {

        @Option(names = "--code", required = true, description = "Tenant code, [a-z0-9_]{1,40}.")
        String code;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = storage.quietContext()) {
                TenantCredentials credentials = context.getBean(Tenants.class).create(code, "cli");
                print(context, credentials);
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change a tenant's flow settings: KEY=VALUE (lists comma-separated, "
            + "empty value = default). Keys: allowed_card_types, required_steps, language, country, "
            + "face_match_threshold, liveness_threshold, callback_url, redirect_url, callback_secret.")
    static class Set implements Callable<Integer> {

        @Option(names = "--code", required = true)
        String code;

        @Mixin
        StorageOptions storage;

        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        public Integer call() {
            Map<String, Object> changes = new LinkedHashMap<>();
            for (String assignment : assignments) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("expected KEY=VALUE, got " + assignment);
                }
                changes.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
            try (ConfigurableApplicationContext context = storage.quietContext()) {
                Tenants tenants = context.getBean(Tenants.class);
                Tenant tenant = tenants.byCode(code)
                        .orElseThrow(() -> new IllegalArgumentException("no tenant " + code));
                try {
                    print(context, tenants.changeSettings(tenant.id(), changes, "cli"));
                } catch (FlowSettings.InvalidSettings e) {
                    throw new IllegalArgumentException("invalid settings: " + e.formats());
                }
            }
            return 0;
        }
    }

    static void print(ConfigurableApplicationContext context, Object value) {
        JsonMapper json = context.getBean(JsonMapper.class);
        System.out.println(json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }
}
