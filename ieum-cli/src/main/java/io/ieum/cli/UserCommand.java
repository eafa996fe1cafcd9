package io.ieum.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import io.ieum.client.IeumClient;
import io.ieum.client.model.UserView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ieum user ...}: account administration. */
@Command(name = "user", mixinStandardHelpOptions = true, subcommands = UserCommand.Create.class)
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ieum user create USERNAME --display-name NAME --password-stdin}. */
    @Command(name = "create", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ServerConnectionOptions server;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "param.username")
        String username;

        @Option(names = "--display-name", paramLabel = "NAME", descriptionKey = "option.displayName")
        String displayName;

        @Option(names = "--password-stdin", required = true, descriptionKey = "option.passwordStdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = readPassword();
            try (IeumClient client = server.anonymous()) {
                UserView user = client.signUp(username, password, displayName == null ? username : displayName);
                spec.commandLine().getOut().println(Messages.get("user.created", user.username(), user.id()));
            }
            return ExitCodes.OK;
        }

        /** The first line of stdin, so that passwords never show in {@code ps} or shell history. */
        private static String readPassword() {
            try {
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(IeumCli.StdinHolder.get(), StandardCharsets.UTF_8));
                String line = reader.readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
