package io.ieum.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ieum.client.IeumClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ieum export --out FILE}: downloads my data export (zip), showing the bytes received. */
@Command(name = "export", mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    private static final long PROGRESS_STEP = 1 << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnectionOptions server;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "option.out")
    Path out;

    @Override
    public Integer call() {
        PrintWriter writer = spec.commandLine().getOut();
        long[] lastShown = {-PROGRESS_STEP};
        try (IeumClient client = server.authenticated()) {
            long total = client.export(out, received -> {
                if (received - lastShown[0] >= PROGRESS_STEP) {
                    lastShown[0] = received;
                    writer.print("\r" + Messages.get("export.progress", received));
                    writer.flush();
                }
            });
            writer.println("\r" + Messages.get("export.done", total, out));
        }
        return ExitCodes.OK;
    }
}
