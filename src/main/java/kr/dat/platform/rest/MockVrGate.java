package kr.dat.platform.rest;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.dat.platform.config.AppConfig;

/** The mock VR headset page is on in dev mode; elsewhere only with {@code MOCK_VR_ENABLED=true}. */
@WebFilter(urlPatterns = "/test/*")
public class MockVrGate implements Filter {

    @Inject
    AppConfig config;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (config.mockVrEnabled()) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) res;
        Problem.write(http, 404, ErrorPageServlet.reason(404));
    }
}
