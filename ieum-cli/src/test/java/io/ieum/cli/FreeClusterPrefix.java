package io.ieum.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;

import io.ieum.devcluster.Site;
import io.ieum.devcluster.SiteAddressing;

/** A {@code 127.0.N.} prefix nothing listens on, so a test cluster never meets one of another run. */
final class FreeClusterPrefix {

    private FreeClusterPrefix() {}

    static String pick() {
        Random random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = "127.0." + (20 + random.nextInt(200)) + ".";
            boolean free = Site.all().stream().noneMatch(site -> listens(candidate + site.number(), SiteAddressing.NATIVE_PORT)
                    || listens(candidate + site.number(), SiteAddressing.STORAGE_PORT)
                    || listens(candidate + site.number(), 8080 + site.number()));
            if (free) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free 127.0.N. prefix for the test cluster");
    }

    private static boolean listens(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
