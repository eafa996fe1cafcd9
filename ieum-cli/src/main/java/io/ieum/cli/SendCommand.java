package io.ieum.cli;

import java.util.concurrent.Callable;

import io.ieum.client.IeumClient;
import io.ieum.client.model.SendResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ieum send ROOM TEXT}: one message over REST, retried with the same ID on failover. */
@Command(name = "send", mixinStandardHelpOptions = true)
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnectionOptions server;

    @Parameters(index = "0", paramLabel = "ROOM", descriptionKey = "param.room")
    String roomId;

    @Parameters(index = "1", paramLabel = "TEXT", descriptionKey = "param.text")
    String text;

    @Override
    public Integer call() {
        try (IeumClient client = server.authenticated()) {
            SendResult result = client.sendViaRest(roomId, text);
            spec.commandLine().getOut().println(Messages.get("send.done", result.entry().id(), result.status()));
        }
        return ExitCodes.OK;
    }
}
