package io.ieum.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.ieum.client.IeumClient;
import io.ieum.client.model.RoomSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ieum rooms}: my rooms, most recent activity first. */
@Command(name = "rooms", mixinStandardHelpOptions = true)
final class RoomsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnectionOptions server;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (IeumClient client = server.authenticated()) {
            out.println(Messages.get("rooms.header"));
            for (RoomSummary r : client.rooms()) {
                out.println(Messages.get("rooms.line", r.id(), r.kind(), r.name() == null ? "" : r.name(),
                        r.memberCount(), r.unread()));
            }
        }
        return ExitCodes.OK;
    }
}
