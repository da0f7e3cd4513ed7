package kr.dat.realtime;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.rest.ClientAddress;
import kr.dat.platform.rest.Problem;

/**
 * In front of the headset WebSocket handshake: hands the client's address and User-Agent to
 * {@link HeadsetHandshake} (same thread), and applies the optional User-Agent check, off by
 * default because the mock VR page runs in an ordinary browser. It never touches REST or SSE.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HeadsetHandshakeFilter implements Filter {

    static final String REJECTED = "올바르지 않은 접근입니다.";
    private static final Logger LOG = Logger.getLogger(HeadsetHandshakeFilter.class.getName());

    @Inject
    AppConfig config;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        AppConfig.HeadsetUserAgents agents = config.headsetUserAgents();
        if (agents.check() && !permitted(((HttpServletRequest) req).getHeader("User-Agent"), agents.allowed(), agents.blocked())) {
            LOG.warning(() -> "Headset handshake refused by the User-Agent check");
            HttpServletResponse http = (HttpServletResponse) res;
            Problem.write(http, 403, REJECTED);
            return;
        }
        HttpServletRequest http = (HttpServletRequest) req;
        HeadsetHandshake.enter(new HeadsetHandshake.Client(ClientAddress.of(http, config.trustProxyHeaders()),
                http.getHeader("User-Agent")));
        try {
            chain.doFilter(req, res);
        } finally {
            HeadsetHandshake.leave();
        }
    }

    /** Case-sensitive substring match; the block list wins; a non-empty allow list requires a match. */
    static boolean permitted(String userAgent, List<String> allow, List<String> block) {
        String ua = userAgent == null ? "" : userAgent;
        if (block.stream().anyMatch(ua::contains)) {
            return false;
        }
        return allow.isEmpty() || allow.stream().anyMatch(ua::contains);
    }
}
