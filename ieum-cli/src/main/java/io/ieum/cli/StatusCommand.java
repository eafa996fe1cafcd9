package io.ieum.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ieum.client.IeumClient;
import io.ieum.client.model.Health;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ieum status}: the server's health, one line per component; exit code 1 when DOWN. */
@Command(name = "status", mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnectionOptions server;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (IeumClient client = server.anonymous()) {
            Health health = client.health();
            out.println(Messages.get("status.overall", client.sites().current(), health.status()));
            for (Map.Entry<String, Health.Component> c : new java.util.TreeMap<>(health.components()).entrySet()) {
                String detail = c.getValue().detail() == null ? "" : c.getValue().detail();
                out.println(Messages.get("status.component", c.getKey(), c.getValue().status(), detail));
            }
            return health.isUp() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
