package io.ieum.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.ieum.core.service.PasswordHashCost;
import io.ieum.server.IeumServer;
import io.ieum.server.config.InvalidConfigException;
import io.ieum.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ieum serve}: starts the server and blocks until the JVM is asked to stop (SIGTERM,
 * Ctrl-C), then closes it gracefully: sockets are told to reconnect elsewhere and pending writes
 * are committed before the process exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
    Path config;

    @Option(names = "--port", paramLabel = "N", descriptionKey = "option.port")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "option.data")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig serverConfig;
        try {
            serverConfig = config();
        } catch (InvalidConfigException e) {
            spec.commandLine().getErr().println(Messages.get("error.config", e.getMessage()));
            return ExitCodes.USAGE;
        }
        passwordHashingWarning(serverConfig.passwordHashing()).ifPresent(warning -> {
            spec.commandLine().getErr().println(warning);
            spec.commandLine().getErr().flush();
        });
        LeakDetection.applyForServe();
        IeumServer server = IeumServer.start(serverConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(Messages.get("serve.stopping"));
            out.flush();
            server.close();
            out.println(Messages.get("serve.stopped"));
            out.flush();
            stopped.countDown();
        }, "ieum-shutdown"));
        if ("cassandra".equals(serverConfig.storage().backend())) {
            out.println(Messages.get("serve.startedCassandra", server.uri(), serverConfig.cassandra().localDatacenter(),
                    String.join(",", serverConfig.cassandra().contactPoints()), serverConfig.cassandra().keyspace()));
        } else {
            out.println(Messages.get("serve.started", server.uri(), serverConfig.storage().dataDir().toAbsolutePath()));
        }
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** What an operator is told before a server starts with a password-hashing cost below OWASP's minimum. */
    static Optional<String> passwordHashingWarning(PasswordHashCost cost) {
        return cost.meetsOwaspMinimum() ? Optional.empty()
                : Optional.of(Messages.get("serve.weakPasswordHashing", cost, PasswordHashCost.OWASP));
    }

    /** The file (if any), then IEUM_* environment variables, then the command-line overrides. */
    ServerConfig config() {
        ServerConfig c = ServerConfig.load(config, System.getenv());
        if (port != null) {
            c = c.withPort(port);
        }
        if (dataDir != null) {
            c = c.withDataDir(dataDir);
        }
        return c;
    }
}
