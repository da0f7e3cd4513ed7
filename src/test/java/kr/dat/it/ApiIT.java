package kr.dat.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every client-side integration test starts from: the WAR deployed by Arquillian on the
 * managed WildFly, its URL, and an {@link Api} client for it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ApiIT {

    @ArquillianResource
    URL url;

    Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void client() {
        api = new Api(url);
    }
}
