package io.ieum.cli.ceiling;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ieum ceiling}: a bare Netty relay and its load generator (see the package description). */
@Command(name = "ceiling", mixinStandardHelpOptions = true,
        subcommands = {CeilingServeCommand.class, CeilingLoadCommand.class})
public final class CeilingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
