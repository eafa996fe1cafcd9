package io.ieum.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import picocli.CommandLine.Option;

/** {@code --server} (repeatable: the failover list), and the credentials of the calling user. */
public final class ServerConnectionOptions {

    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

    @Option(names = "--server", paramLabel = "URL", descriptionKey = "option.server")
    List<URI> servers = new ArrayList<>();

    @Option(names = "--token", paramLabel = "TOKEN", descriptionKey = "option.token",
            defaultValue = "${env:IEUM_TOKEN}")
    String token;

    @Option(names = "--user", paramLabel = "USERNAME", descriptionKey = "option.user")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", descriptionKey = "option.password",
            defaultValue = "${env:IEUM_PASSWORD}")
    String password;

    List<URI> serverList() {
        return servers.isEmpty() ? List.of(URI.create(DEFAULT_SERVER)) : servers;
    }

    /** A client without credentials (sign-up, health). */
    IeumClient anonymous() {
        return IeumClient.create(ClientOptions.builder().servers(serverList()).deviceName("ieum-cli").build());
    }

    /** A client acting as the given user: the token if there is one, else a log-in. */
    IeumClient authenticated() {
        IeumClient client = anonymous();
        if (token != null && !token.isBlank()) {
            return client.as(token);
        }
        if (user == null || password == null) {
            client.close();
            throw new MissingCredentialsException();
        }
        client.logIn(user, password);
        return client;
    }

    /** Neither a token nor a user and password were given. */
    static final class MissingCredentialsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingCredentialsException() {
            super(Messages.get("error.credentials"));
        }
    }
}
