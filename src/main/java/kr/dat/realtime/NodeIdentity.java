package kr.dat.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.UUID;

/**
 * This node's id in the cluster: its host name and a random suffix, fixed for the deployment's
 * life. A plain bean rather than a method of the {@link ClusterNode} EJB, because every published
 * message and presence query asks for it: through the EJB's view each call ran the container's
 * interceptors and suspended the caller's transaction (the node's own attribute is NOT_SUPPORTED).
 */
@ApplicationScoped
public class NodeIdentity {

    private final String id = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 40 ? h.substring(0, 40) : h;
        } catch (Exception e) {
            return "node";
        }
    }
}
