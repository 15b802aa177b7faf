package studio.tandem.teleop.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A rosbridge v2 server on loopback with a CRISP-style arm behind it: answers advertise / subscribe /
 * publish / call_service, streams joint_states (names in a different order than the driver's) and
 * current_pose at 100 Hz to subscribers, and makes the arm follow published targets at once.
 */
final class FakeRosbridge extends WebSocketServer {
    final ObjectMapper json = new ObjectMapper();
    final Map<String, String> advertised = new ConcurrentHashMap<>();
    final Map<String, String> subscribed = new ConcurrentHashMap<>();
    final Map<String, List<Long>> publishTimes = new ConcurrentHashMap<>();
    final Map<String, JsonNode> lastPublished = new ConcurrentHashMap<>();
    final List<String> jointNames;
    volatile double[] q;
    volatile double[] pose = {0.3, 0.0, 0.5, 1, 0, 0, 0};
    volatile boolean stallStates;
    volatile boolean omitOneJoint;
    volatile boolean publishPose = true;
    volatile double finger = 0.03;
    private final CountDownLatch started = new CountDownLatch(1);
    private final String ns;
    private volatile boolean running = true;

    FakeRosbridge(String ns, List<String> jointNames) throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.ns = ns;
        this.jointNames = jointNames;
        this.q = new double[jointNames.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.1 * (i + 1);
        }
        setReuseAddr(true);
        setDaemon(true);
        start();
        if (!started.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake rosbridge did not start");
        }
        Thread t = new Thread(this::streamStates, "fake-rosbridge-states");
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    void shutdown() throws InterruptedException {
        running = false;
        stop(500);
    }

    void dropClients() {
        for (WebSocket c : getConnections()) {
            c.close(1001, "going away");
        }
    }

    void sendToAll(String text) {
        broadcast(text);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            JsonNode op = json.readTree(message);
            switch (op.path("op").asText()) {
                case "advertise" -> advertised.put(op.path("topic").asText(), op.path("type").asText());
                case "subscribe" -> subscribed.put(op.path("topic").asText(), op.path("type").asText());
                case "publish" -> onPublish(op.path("topic").asText(), op.path("msg"));
                case "call_service" -> onService(conn, op);
                default -> conn.send("{\"op\":\"status\",\"level\":\"error\",\"msg\":\"unknown op\"}");
            }
        } catch (Exception e) {
            conn.send("{\"op\":\"status\",\"level\":\"error\",\"msg\":\"bad json\"}");
        }
    }

    private void onPublish(String topic, JsonNode msg) {
        publishTimes.computeIfAbsent(topic, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
        lastPublished.put(topic, msg);
        if (topic.equals(ns + "/target_pose")) {
            JsonNode p = msg.path("pose").path("position");
            JsonNode o = msg.path("pose").path("orientation");
            pose = new double[] {p.path("x").asDouble(), p.path("y").asDouble(), p.path("z").asDouble(),
                o.path("x").asDouble(), o.path("y").asDouble(), o.path("z").asDouble(), o.path("w").asDouble()};
        } else if (topic.equals(ns + "/gripper_position_controller/commands")) {
            finger = msg.path("data").get(0).asDouble();
        } else if (topic.equals(ns + "/target_joint")) {
            double[] next = q.clone();
            for (int i = 0; i < msg.path("name").size(); i++) {
                next[jointNames.indexOf(msg.path("name").get(i).asText())] = msg.path("position").get(i).asDouble();
            }
            q = next;
        }
    }

    private void onService(WebSocket conn, JsonNode op) {
        ObjectNode r = json.createObjectNode().put("op", "service_response").put("id", op.path("id").asText())
                .put("service", op.path("service").asText());
        boolean ok = !op.path("service").asText().contains("fail");
        r.put("result", ok);
        r.putObject("values").put("ok", ok).set("echo", op.path("args"));
        conn.send(r.toString());
    }

    private void streamStates() {
        while (running) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            if (stallStates) {
                continue;
            }
            String js = ns + "/joint_states";
            if (subscribed.containsKey(js)) {
                broadcast(jointStates(js));
            }
            String cp = ns + "/current_pose";
            if (publishPose && subscribed.containsKey(cp)) {
                ObjectNode msg = json.createObjectNode();
                msg.putObject("header").put("frame_id", "base");
                double[] p = pose;
                ObjectNode ps = msg.putObject("pose");
                ps.putObject("position").put("x", p[0]).put("y", p[1]).put("z", p[2]);
                ps.putObject("orientation").put("x", p[3]).put("y", p[4]).put("z", p[5]).put("w", p[6]);
                broadcast(wrap(cp, msg));
            }
        }
    }

    private String jointStates(String topic) {
        ObjectNode msg = json.createObjectNode();
        ArrayNode n = msg.putArray("name");
        ArrayNode p = msg.putArray("position");
        ArrayNode v = msg.putArray("velocity");
        n.add("fr3_finger_joint1");
        p.add(finger);
        v.add(0.0);
        double[] qq = q;
        for (int i = qq.length - 1; i >= (omitOneJoint ? 1 : 0); i--) {
            n.add(jointNames.get(i));
            p.add(qq[i]);
            v.add(0.01 * i);
        }
        return wrap(topic, msg);
    }

    private String wrap(String topic, ObjectNode msg) {
        ObjectNode op = json.createObjectNode().put("op", "publish").put("topic", topic);
        op.set("msg", msg);
        return op.toString();
    }
}
