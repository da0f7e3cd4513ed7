package kr.dat.platform.persistence;

/** JNDI names the server config (server-config/dat-server.cli) binds for the application. */
public final class DataSources {

    /** The PostgreSQL datasource; persistence.xml names it too, as its jta-data-source. */
    public static final String DAT = "java:jboss/datasources/DatDS";

    private DataSources() {
    }
}
