package io.openekyc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openekyc} command. */
@Command(name = "openekyc", mixinStandardHelpOptions = true, version = "OpenEKYC 0.1.0",
        description = "Self-hosted eKYC: server, tenants, tokens.",
        subcommands = {ServeCommand.class, TenantCommand.class, TokenCommand.class, FaceCommand.class,
                EvalCommand.class, BenchCommand.class, DocCommand.class})
public class OpenEkycCli {

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0 || !ServeCommand.serving) {
            System.exit(code);
        }
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new OpenEkycCli());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            // Messages only: a stack trace helps nobody at a prompt, and may carry values.
            line.getErr().println("openekyc: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
    }
}
