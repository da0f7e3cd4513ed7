package kr.dat.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests deploy the WAR the build produced: what a hospital deploys is what is tested. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        String path = System.getProperty("dat.war", "target/api.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }
}
