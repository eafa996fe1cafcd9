import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Opens N WebSockets to a /ws URL, authenticates each with one token, prints "ready N" and stays idle. */
public class IdleSockets {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch ready = new CountDownLatch(count);
        WebSocket[] sockets = new WebSocket[count];
        for (int i = 0; i < count; i++) {
            WebSocket.Listener listener = new WebSocket.Listener() {
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    if (data.toString().contains("\"ready\"")) ready.countDown();
                    ws.request(1);
                    return null;
                }
            };
            sockets[i] = http.newWebSocketBuilder().buildAsync(uri, listener).join();
            sockets[i].sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true);
        }
        if (!ready.await(300, TimeUnit.SECONDS)) {
            System.out.println("only " + (count - ready.getCount()) + " ready");
        }
        System.out.println("ready " + count);
        Thread.sleep(Long.MAX_VALUE);
    }
}
