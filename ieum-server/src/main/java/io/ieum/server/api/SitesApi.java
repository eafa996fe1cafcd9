package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;

/**
 * The sites a client may use, in the order it should try them: this server (as the client reached it)
 * first, then the configured peers. A client that loses its site moves to the next one that answers.
 */
public final class SitesApi {

    record Sites(String self, List<String> sites) {}

    private final List<String> peers;
    private final Responses responses;

    public SitesApi(List<String> peers, Responses responses) {
        this.peers = List.copyOf(requireNonNull(peers, "peers"));
        this.responses = requireNonNull(responses, "responses");
    }

    public void register(Router router) {
        router.open(HttpMethod.GET, "/api/sites", this::sites);
    }

    private HttpResponse sites(ApiRequest req) {
        String scheme = req.ctx().sessionProtocol().isTls() ? "https" : "http";
        String authority = req.headers().authority();
        String self = scheme + "://" + (authority != null ? authority : req.ctx().localAddress().getHostString()
                + ":" + req.ctx().localAddress().getPort());
        List<String> sites = new ArrayList<>();
        sites.add(self);
        peers.stream().filter(p -> !p.equalsIgnoreCase(self)).forEach(sites::add);
        return responses.ok(new Sites(self, sites));
    }
}
