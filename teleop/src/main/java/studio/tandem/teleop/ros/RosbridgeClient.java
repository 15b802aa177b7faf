package studio.tandem.teleop.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A rosbridge v2 client over the JDK's WebSocket: advertise, publish, subscribe, call_service, with JSON by
 * Jackson. Incoming {@code publish} messages go to the topic's handler on the WebSocket thread; malformed
 * JSON and unknown ops are counted and ignored; {@code status} messages are kept. Sends are serialised (one
 * at a time, as the WebSocket API requires) and may be called from any thread. Closing or losing the
 * connection calls the {@code onClose} callback once with a reason.
 */
public final class RosbridgeClient implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Consumer<JsonNode>> handlers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final URI uri;
    private final Consumer<String> onClose;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile String lastStatus = "";
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    private RosbridgeClient(URI uri, Consumer<String> onClose) {
        this.uri = uri;
        this.onClose = onClose;
    }

    /**
     * Opens the WebSocket.
     *
     * @throws IOException naming the URL when the server is unreachable or does not answer in time
     */
    public static RosbridgeClient connect(URI uri, Duration timeout, Consumer<String> onClose) throws IOException {
        RosbridgeClient c = new RosbridgeClient(uri, onClose);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            c.socket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, c.new Listener())
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return c;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot open rosbridge at " + uri + " (" + cause.getMessage() + ")", cause);
        } catch (TimeoutException e) {
            throw new IOException("rosbridge at " + uri + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + uri, e);
        }
    }

    public URI uri() {
        return uri;
    }

    public ObjectMapper json() {
        return json;
    }

    /** {@code {"op":"advertise","topic":..,"type":..}}. */
    public void advertise(String topic, String type) throws IOException {
        send(json.createObjectNode().put("op", "advertise").put("topic", topic).put("type", type));
    }

    /** Publishes {@code msg} (a JSON object in the ROS message's field layout) on {@code topic}. */
    public void publish(String topic, JsonNode msg) throws IOException {
        ObjectNode o = json.createObjectNode().put("op", "publish").put("topic", topic);
        o.set("msg", msg);
        send(o);
    }

    /**
     * Subscribes to {@code topic}; {@code handler} gets each message's {@code msg} on the WebSocket thread.
     * {@code queue_length} 1: only the newest message matters.
     */
    public void subscribe(String topic, String type, Consumer<JsonNode> handler) throws IOException {
        handlers.put(topic, handler);
        send(json.createObjectNode().put("op", "subscribe").put("topic", topic).put("type", type)
                .put("queue_length", 1));
    }

    /**
     * Calls {@code service} with {@code args} and waits for the response's {@code values}.
     *
     * @throws IOException when the call fails ({@code result: false}), times out or the connection drops
     */
    public JsonNode callService(String service, JsonNode args, Duration timeout) throws IOException {
        String id = "call_service:" + service + ":" + ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode o = json.createObjectNode().put("op", "call_service").put("id", id).put("service", service);
        o.set("args", args);
        try {
            send(o);
            JsonNode r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!r.path("result").asBoolean(true)) {
                throw new IOException("service " + service + " failed: " + r.path("values"));
            }
            return r.path("values");
        } catch (TimeoutException e) {
            throw new IOException("service " + service + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IOException("service " + service + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + service, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Sends one JSON operation; serialised across threads. */
    public synchronized void send(JsonNode op) throws IOException {
        WebSocket ws = socket;
        if (closed || ws == null) {
            throw new IOException("rosbridge connection to " + uri + " is closed");
        }
        try {
            ws.sendText(json.writeValueAsString(op), true).get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            lost("send failed (" + cause.getMessage() + ")");
            throw new IOException("rosbridge send to " + uri + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted sending to " + uri, e);
        }
    }

    /** The last {@code status} message from the server (level and text), or empty. */
    public String lastStatus() {
        return lastStatus;
    }

    /** Frames that were not valid rosbridge JSON. */
    public long malformed() {
        return malformed.get();
    }

    /** Valid operations received. */
    public long received() {
        return received.get();
    }

    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                        .exceptionally(t -> null);
                ws.abort();
            }
            failPending("connection closed");
        }
    }

    private void lost(String reason) {
        if (!closed) {
            closed = true;
            failPending(reason);
            onClose.accept(reason);
        }
    }

    private void failPending(String reason) {
        for (CompletableFuture<JsonNode> f : pending.values()) {
            f.completeExceptionally(new IOException(reason));
        }
    }

    private void dispatch(String text) {
        JsonNode op;
        try {
            op = json.readTree(text);
        } catch (IOException e) {
            malformed.incrementAndGet();
            return;
        }
        String kind = op == null ? "" : op.path("op").asText("");
        switch (kind) {
            case "publish" -> {
                Consumer<JsonNode> h = handlers.get(op.path("topic").asText(""));
                if (h != null && op.path("msg").isObject()) {
                    received.incrementAndGet();
                    h.accept(op.get("msg"));
                } else {
                    malformed.incrementAndGet();
                }
            }
            case "service_response" -> {
                CompletableFuture<JsonNode> f = pending.get(op.path("id").asText(""));
                if (f != null) {
                    received.incrementAndGet();
                    f.complete(op);
                }
            }
            case "status" -> {
                received.incrementAndGet();
                lastStatus = op.path("level").asText("") + ": " + op.path("msg").asText("");
            }
            default -> malformed.incrementAndGet();
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            lost("closed by the server (" + status + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost("connection error (" + error.getMessage() + ")");
        }
    }
}
