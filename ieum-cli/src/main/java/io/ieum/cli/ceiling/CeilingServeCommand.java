package io.ieum.cli.ceiling;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.ieum.cli.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ieum ceiling serve}: run the bare relay until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class CeilingServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8090", descriptionKey = "ceiling.option.port")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", descriptionKey = "ceiling.option.host")
    String host;

    @Option(names = "--loops", paramLabel = "N", descriptionKey = "ceiling.option.loops")
    Integer loops;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int threads = loops != null ? loops : Runtime.getRuntime().availableProcessors();
        try (Relay relay = Relay.start(host, port, threads)) {
            out.println(Messages.get("ceiling.listening", host, Integer.toString(relay.port()), threads,
                    Transport.epoll() ? "epoll" : "nio", Long.toString(ProcessHandle.current().pid())));
            out.flush();
            relay.channel().closeFuture().sync();
        }
        return 0;
    }
}
