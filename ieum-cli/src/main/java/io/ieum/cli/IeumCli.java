package io.ieum.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import io.ieum.cli.bench.BenchCommand;
import io.ieum.cli.ceiling.CeilingCommand;
import io.ieum.cli.drill.DrillCommand;
import io.ieum.client.IeumClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ieum}: the server, operator tools and the load generator in one command. */
@Command(name = "ieum", mixinStandardHelpOptions = true, version = "ieum 0.1.0",
        resourceBundle = Messages.BUNDLE,
        subcommands = {ServeCommand.class, UserCommand.class, ExportCommand.class, StatusCommand.class,
                SendCommand.class, RoomsCommand.class, BenchCommand.class, CeilingCommand.class, ClusterCommand.class,
                DrillCommand.class})
public final class IeumCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(System.in, out, err, args));
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(System.in, out, err, args);
    }

    /** Runs one command line; {@code in} is where {@code --password-stdin} reads from. */
    public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new IeumCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println(describe(e));
            err.flush();
            return ExitCodes.FAILED;
        });
        StdinHolder.set(in);
        try {
            return cli.execute(args);
        } finally {
            StdinHolder.clear();
            out.flush();
            err.flush();
        }
    }

    static String describe(Exception e) {
        if (e instanceof IeumClientException c) {
            return Messages.get("error.server", c.error(), c.getMessage());
        }
        if (e instanceof ServerConnectionOptions.MissingCredentialsException) {
            return e.getMessage();
        }
        return Messages.get("error.unexpected", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives commands the input stream of this execution (tests pass their own). */
    static final class StdinHolder {
        private static final ThreadLocal<InputStream> IN = new ThreadLocal<>();

        private StdinHolder() {}

        static void set(InputStream in) {
            IN.set(in);
        }

        static void clear() {
            IN.remove();
        }

        static InputStream get() {
            InputStream in = IN.get();
            return in == null ? System.in : in;
        }
    }
}
