package kr.dat.realtime;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headset socket's handshake. It runs before the 101 is sent, so the decision is taken here
 * ({@link HeadsetGate}) and handed to the endpoint through the connection's user properties (one
 * copy per connection since WebSocket 2.1). The client's address and User-Agent come from
 * {@link HeadsetHandshakeFilter} on the same thread: the handshake request does not carry them.
 *
 * <p>A paired headset presents its token as {@code Authorization: Bearer <token>}, {@code ?token=},
 * or the subprotocol {@code dat.token.<token>} (echoed back). Subprotocol {@code dat.v2} or
 * {@code ?ack=1} asks for upload acknowledgements.
 */
public class HeadsetHandshake extends ServerEndpointConfig.Configurator {

    static final String ADMISSION = "dat.admission";
    static final String SUBPROTOCOL_V2 = "dat.v2";
    static final String TOKEN_SUBPROTOCOL = "dat.token.";

    /** Address and User-Agent of the handshake being served on this thread. */
    record Client(String address, String userAgent) {
    }

    private static final ThreadLocal<Client> CLIENT = new ThreadLocal<>();

    /**
     * The gate's client proxy, looked up once: {@code CDI.current()} on WildFly walks the calling
     * thread's stack to find the caller's deployment ({@code Thread.getStackTrace}), and a ward
     * reconnecting its headsets after a restart opens thousands of sockets at once. The configurator
     * lives as long as its deployment, and the proxy of an application-scoped bean stays valid.
     */
    private volatile HeadsetGate gate;

    static void enter(Client client) {
        CLIENT.set(client);
    }

    static void leave() {
        CLIENT.remove();
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        for (String p : requested) {
            if (p.startsWith(TOKEN_SUBPROTOCOL)) {
                return p; // a browser or client that offered it expects it back
            }
        }
        return requested.contains(SUBPROTOCOL_V2) ? SUBPROTOCOL_V2 : "";
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        Client client = CLIENT.get();
        String userAgent = header(request, "User-Agent").orElse(null);
        String address = client != null ? client.address() : "unknown";
        List<String> subprotocols = subprotocols(request);
        boolean ack = subprotocols.contains(SUBPROTOCOL_V2) || "1".equals(param(request, "ack").orElse(null));
        HeadsetGate g = gate;
        if (g == null) {
            g = CDI.current().select(HeadsetGate.class).get();
            gate = g;
        }
        Admission admission = g.admit(patientCode(request.getRequestURI()), address, userAgent, token(request, subprotocols), ack);
        sec.getUserProperties().put(ADMISSION, admission);
    }

    /** The last path segment, percent-decoded. */
    static String patientCode(URI uri) {
        String path = uri.getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    static Optional<String> token(HandshakeRequest request, List<String> subprotocols) {
        Optional<String> bearer = header(request, "Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
        if (bearer.isPresent() && !bearer.get().isEmpty()) {
            return bearer;
        }
        Optional<String> query = param(request, "token").filter(t -> !t.isEmpty());
        if (query.isPresent()) {
            return query;
        }
        return subprotocols.stream().filter(p -> p.startsWith(TOKEN_SUBPROTOCOL))
                .map(p -> p.substring(TOKEN_SUBPROTOCOL.length())).filter(t -> !t.isEmpty()).findFirst();
    }

    private static List<String> subprotocols(HandshakeRequest request) {
        return header(request, HandshakeRequest.SEC_WEBSOCKET_PROTOCOL).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Optional<String> header(HandshakeRequest request, String name) {
        for (Map.Entry<String, List<String>> e : request.getHeaders().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(String.join(",", e.getValue()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> param(HandshakeRequest request, String name) {
        List<String> values = request.getParameterMap().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
