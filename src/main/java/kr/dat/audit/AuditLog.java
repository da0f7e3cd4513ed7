package kr.dat.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.platform.config.Times;
import kr.dat.platform.rest.RequestOrigin;

/**
 * Records audit events outside the caller's transaction: a failed login is recorded although the
 * login's transaction rolls back. Never CSV content, names or secrets: ids, an action, a short
 * detail.
 *
 * <p>Events are stamped when they happen and written by a background flush every
 * {@value #FLUSH_MILLIS} ms, many per commit ({@link AuditWriter#insert}): a request does not wait
 * for the audit row's commit (with one commit per event, reading records under load waited ~17 ms
 * per request for it). Reading the trail ({@link #flush}) first writes what is pending, so it
 * always includes every event logged before. A batch that cannot be written is kept and tried
 * again; past {@value #MAX_PENDING} pending events new ones are dropped — both logged SEVERE — and
 * a request never fails for its audit event. Events logged in the last {@value #FLUSH_MILLIS} ms
 * before the server dies are lost.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @Inject
    AuditWriter writer;

    @Inject
    RequestOrigin origin;

    /** A thread of our own, not the managed scheduler: that refuses to run while the server suspends for shutdown. */
    @Resource
    ManagedThreadFactory threads;

    static final long FLUSH_MILLIS = 50;
    static final int MAX_PENDING = 100_000;
    private static final int BATCH = 500;

    private final BlockingQueue<AuditEvent> pending = new LinkedBlockingQueue<>(MAX_PENDING);
    private final ReentrantLock flushing = new ReentrantLock();
    private final List<AuditEvent> retry = new ArrayList<>();
    private ScheduledExecutorService flusher;

    @PostConstruct
    void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = threads.newThread(r);
            t.setName("dat-audit-flush");
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flushQuietly();
    }

    /** Writes every pending event now (before the trail is read). */
    public void flush() {
        flushing.lock();
        try {
            do {
                if (retry.isEmpty()) {
                    pending.drainTo(retry, BATCH);
                }
                if (retry.isEmpty()) {
                    return;
                }
                writer.insert(List.copyOf(retry));
                retry.clear();
            } while (!pending.isEmpty());
        } finally {
            flushing.unlock();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, retry.size() + " audit event(s) could not be written yet; they are tried again", e);
        }
    }

    /** An event of the current API request: its user, address and User-Agent. */
    public void request(AuditAction action, Integer patientId, Integer diagnosisId, String detail) {
        String address = null;
        String userAgent = null;
        Integer userId = null;
        try {
            address = origin.address();
            userAgent = origin.userAgent();
            userId = origin.userId();
        } catch (ContextNotActiveException outsideARequest) {
            // a timer or the headset socket: no request origin
        }
        write(action, userId, null, patientId, diagnosisId, address, userAgent, detail);
    }

    /** A login attempt: the user when known, the login id as typed. */
    public void login(AuditAction action, Integer userId, String loginId) {
        write(action, userId, loginId, null, null, origin.address(), origin.userAgent(), null);
    }

    /** An event of a headset socket (no user: the headset's address and User-Agent). */
    public void headset(AuditAction action, int patientId, Integer diagnosisId, String address, String userAgent,
                        String detail) {
        write(action, null, null, patientId, diagnosisId, address, userAgent, detail);
    }

    private void write(AuditAction action, Integer userId, String loginId, Integer patientId, Integer diagnosisId,
                       String address, String userAgent, String detail) {
        AuditEvent e = new AuditEvent(Times.nowUtc(), action.name(), userId, clip(loginId, 50), patientId, diagnosisId,
                clip(address, 45), clip(userAgent, 255), clip(detail, 255));
        if (!pending.offer(e)) {
            LOG.severe(() -> "Audit event " + action + " dropped: " + MAX_PENDING + " events wait to be written (user "
                    + userId + ", patient " + patientId + ", diagnosis " + diagnosisId + ")");
        }
    }

    /** Cuts to the column width; NULs (which PostgreSQL text cannot hold) become U+FFFD. */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replace('\0', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
