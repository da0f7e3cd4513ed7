package kr.dat.result;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.audit.AuditAction;
import kr.dat.audit.AuditLog;
import kr.dat.diagnosis.Diagnosis;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.diagnosis.DiagnosisState;
import kr.dat.diagnosis.DiagnosisType;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.Transactions;
import kr.dat.storage.ObjectStore;
import kr.dat.storage.PutGate;
import kr.dat.storage.StorageException;

/**
 * A headset's result upload from the frame to the record (docs/protocol.md §6, docs/scoring.md),
 * top to bottom:
 * <ol>
 * <li>{@link #accept}: only for the socket's live session, at most 10 MiB, then a <b>durable claim</b>
 * in PostgreSQL (once per diagnosis: a repeat is ignored) in the same transaction that marks the
 * session as waiting for its result. From here on the upload cannot be lost. The claim also leases
 * the upload to this node, so the first attempt needs no second transaction. Scoring, which has no
 * effect outside memory, runs beside the claim, and so do the two puts, but each holds back its last
 * byte until the claim has committed ({@link PutGate}): no object exists in the bucket, and the headset
 * hears nothing, before the claim is committed; a claim that fails or loses abandons the puts.</li>
 * <li>{@link #process}, now and — if the bucket is away or the server restarts — later by
 * {@link ResultRetryTimer}, on whichever node holds the lease: the original and the processed file
 * into the bucket (side by side), then the record and COMPLETED in one transaction; a rejected CSV
 * makes the session FAILED with the reason once the original is stored. The database's copy of
 * the content is dropped after that commit (off the path to COMPLETED; {@link #dropStoredContent()}
 * sweeps what a crash left).</li>
 * </ol>
 * Each step is recorded in {@code result_uploads}, so a retry resumes where the last attempt stopped;
 * every database step is its own short transaction, and no call to the bucket runs inside one.
 */
@ApplicationScoped
public class ResultPipeline {

    /** 10 MiB of UTF-8, checked before anything else. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    /** How long one worker may hold an upload before another node may take it over. */
    static final int LEASE_SECONDS = 120;
    /**
     * Threads for scoring and bucket writes: two cores' worth of scoring (one upload's scoring takes a
     * second worker for half its rows when one is free), plus puts waiting on the network.
     */
    private static final int WORKERS = 4;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Logger LOG = Logger.getLogger(ResultPipeline.class.getName());

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ResultRepository uploads;

    @Inject
    ObjectStore store;

    @Inject
    Transactions tx;

    @Inject
    AuditLog audit;

    @Inject
    ResultMetrics metrics;

    @Inject
    AppConfig config;

    @Resource
    ManagedThreadFactory threads;

    /**
     * Scoring beside the claim and the original's put run here, on threads of their own: the
     * callers wait for them on the managed executor's threads, and waiting there for tasks queued
     * on that same executor starves it (20 uploads at once stalled every one of them).
     */
    private ExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = threads.newThread(r);
            t.setName("dat-result-work");
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The headset socket an upload came over: recorded in the audit trail with the result. */
    public record Source(String connectionId, String address, String userAgent, boolean paired) {
    }

    /** What became of an upload, as told to a headset that asked for acknowledgements. */
    public enum Receipt {
        /** Durably claimed: it will become a record (or a FAILED session with a reason). */
        STORED,
        /** The session already has a result: this repeat is ignored (harmless). */
        DUPLICATE,
        /** Over 10 MiB: the session is FAILED. */
        TOO_LARGE,
        /** Not this socket's live session. */
        REFUSED
    }

    // ---- 1. accept: called off the socket's I/O thread ----

    /**
     * {@code receivedNanos}: {@link System#nanoTime()} when the message was whole (for
     * {@code dat_upload_seconds}); {@code heard} learns the outcome as soon as it is known: for an
     * accepted upload right after the claim, before the scoring.
     */
    public void accept(int patientId, Source source, int diagnosisId, String csv, long receivedNanos, Consumer<Receipt> heard) {
        long startNanos = System.nanoTime();
        Consumer<Receipt> receipt = r -> {
            metrics.upload(r);
            heard.accept(r);
        };
        String connectionId = source.connectionId();
        Optional<Diagnosis> diagnosis = diagnoses.acceptingResult(patientId, connectionId, diagnosisId);
        if (diagnosis.isEmpty()) {
            LOG.warning(() -> "Upload for diagnosis " + diagnosisId + " from socket " + connectionId + " of patient "
                    + patientId + " ignored: not its live session");
            // a headset resending after its session ended hears that the first upload was received
            boolean received = uploads.progress(diagnosisId).filter(u -> u.patientId() != null && u.patientId() == patientId).isPresent();
            receipt.accept(received ? Receipt.DUPLICATE : Receipt.REFUSED);
            return;
        }
        long bytes = utf8Length(csv);
        if (bytes > MAX_UPLOAD_BYTES) {
            diagnoses.finish(diagnosisId, DiagnosisState.FAILED,
                    "upload of " + bytes + " bytes exceeds the limit of " + MAX_UPLOAD_BYTES + " bytes");
            receipt.accept(Receipt.TOO_LARGE);
            return;
        }
        Diagnosis d = diagnosis.get();
        LocalDateTime now = Times.nowUtc();
        String fileName = fileName(d, now);
        // scoring is pure: it runs beside the claim, and its result is used only if the claim is won
        CompletableFuture<Scoring> scoring = CompletableFuture.supplyAsync(() -> score(csv, d.type()), executor);
        // so do the two puts, but their objects appear only once the claim has committed (PutGate)
        PutGate committed = new PutGate();
        Early early = putEarly(diagnosisId, fileName, csv, scoring, committed);
        Optional<ResultRepository.Progress> outcome = Optional.empty();
        try {
            outcome = tx.call(() -> claim(d, patientId, fileName, csv, now));
        } finally {
            if (outcome.isPresent()) {
                committed.open();
            } else {
                committed.shut(); // the puts fail at their gate, and the bucket discards what they sent
            }
        }
        Optional<ResultRepository.Progress> claimed = outcome;
        if (claimed.isEmpty()) {
            LOG.warning(() -> "Repeated upload for diagnosis " + diagnosisId + " ignored (the first one counts)");
            receipt.accept(Receipt.DUPLICATE);
            return;
        }
        LOG.info(() -> "Result for diagnosis " + diagnosisId + " received (" + bytes + " bytes) from socket " + connectionId);
        audit.headset(AuditAction.RESULT_DELIVERED, patientId, diagnosisId, source.address(), source.userAgent(),
                "socket " + connectionId + (source.paired() ? ", paired" : ", unpaired") + ", " + bytes + " bytes");
        Laps laps = new Laps(receivedNanos);
        laps.lap(ResultMetrics.Phase.DECODE, startNanos);
        laps.lap(ResultMetrics.Phase.CLAIM);
        receipt.accept(Receipt.STORED);
        // the first attempt holds the lease the claim took and works from memory: nothing is read back
        attempt(diagnosisId, () -> run(diagnosisId, claimed.get(), d.type(), csv, scoring, early, laps));
    }

    /**
     * The first attempt's two puts, begun beside the claim: the original at once, the processed file
     * as soon as it is scored (none for a rejected file). Each ends only if the claim commits.
     */
    private record Early(CompletableFuture<Void> original, CompletableFuture<Void> processed) {
    }

    private Early putEarly(int diagnosisId, String fileName, String csv, CompletableFuture<Scoring> scoring, PutGate gate) {
        CompletableFuture<Void> original = storeOriginal(diagnosisId, originalKey(diagnosisId, fileName), csv, gate);
        CompletableFuture<Void> processed = scoring.thenAcceptAsync(s -> {
            if (s.result() != null) {
                try {
                    storeProcessed(processedKey(diagnosisId, fileName), s.result(), gate);
                } catch (StorageException e) {
                    throw new CompletionException(e);
                }
            }
        }, executor);
        return new Early(original, processed);
    }

    /** The original into the bucket on a worker, then noted (so a retry does not store it again). */
    private CompletableFuture<Void> storeOriginal(int diagnosisId, String key, String content, PutGate gate) {
        return CompletableFuture.runAsync(() -> {
            try {
                store.putText(key, content, gate);
            } catch (StorageException e) {
                throw new CompletionException(e);
            }
            tx.run(() -> uploads.markRawStored(diagnosisId));
        }, executor);
    }

    private void storeProcessed(String key, ScoredResult scored, PutGate gate) throws StorageException {
        store.putText(key, scored.processed()::openStream, scored.processed().size(), gate);
    }

    private static String originalKey(int diagnosisId, String fileName) {
        return "diagnosis/" + diagnosisId + "/original/" + fileName;
    }

    private static String processedKey(int diagnosisId, String fileName) {
        return "diagnosis/" + diagnosisId + "/processed/" + fileName;
    }

    /** A scored file, or why it was rejected. */
    private record Scoring(ScoredResult result, ScoringException rejected) {
    }

    private Scoring score(String csv, DiagnosisType type) {
        long t0 = System.nanoTime();
        try {
            ScoredResult r = ResultScorer.score(csv, type, executor); // a second worker writes half the rows, if one is free
            metrics.scored(System.nanoTime() - t0);
            return new Scoring(r, null);
        } catch (ScoringException e) {
            return new Scoring(null, e);
        }
    }

    /** The files' name: the type, the level and the upload time in the API's zone. */
    private String fileName(Diagnosis d, LocalDateTime nowUtc) {
        String stamp = nowUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(config.apiZone()).format(STAMP);
        return d.type().name() + "_" + d.level() + "_" + stamp + ".csv";
    }

    /** In a transaction: held, leased to this node and pending, or none of them (empty). */
    private Optional<ResultRepository.Progress> claim(Diagnosis d, int patientId, String fileName, String csv, LocalDateTime now) {
        if (!uploads.claim(d.id(), patientId, fileName, csv, now, now.plusSeconds(LEASE_SECONDS))) {
            return Optional.empty();
        }
        diagnoses.markResultPending(d.id());
        return Optional.of(new ResultRepository.Progress(patientId, fileName, false, false, 1));
    }

    // ---- 2. process: store, score, complete ----

    /**
     * Works the upload to its end from the database (a retry, another node, a restart) if no other
     * worker (on any node) holds it. Never throws.
     */
    public void process(int diagnosisId) {
        attempt(diagnosisId, () -> {
            if (!tx.call(() -> uploads.lease(diagnosisId, Times.nowUtc(), LEASE_SECONDS))) {
                return;
            }
            Optional<ResultRepository.Progress> found = uploads.progress(diagnosisId);
            Optional<Diagnosis> diagnosis = diagnoses.find(diagnosisId);
            if (found.isPresent() && !found.get().done() && diagnosis.isPresent()) {
                run(diagnosisId, found.get(), diagnosis.get().type(), null, null, null, null);
            }
        });
    }

    private void attempt(int diagnosisId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Processing the result of diagnosis " + diagnosisId + " failed; it is retried", e);
        }
    }

    /**
     * Drops the database's copy of uploads that are done (normally right after their last commit;
     * this catches what a crash in between left). Returns how many.
     */
    public int dropStoredContent() {
        return tx.call(() -> uploads.dropStoredContent(20));
    }

    /**
     * Holding the lease: the original goes to the bucket on another thread while this one scores
     * (unless scoring ran beside the claim already) and stores the processed file; the session ends
     * only when both are in the bucket (FAILED only when the original is). {@code held}: the
     * content, when this node has it in memory (else it is read from the database);
     * {@code scoring}: its scoring, if already started; {@code early}: the puts begun beside the
     * claim, if any; {@code laps}: the first attempt's timing, or null (a retry is not timed).
     */
    private void run(int diagnosisId, ResultRepository.Progress u, DiagnosisType type, String held,
                     CompletableFuture<Scoring> scoring, Early early, Laps laps) {
        String original = originalKey(diagnosisId, u.fileName());
        String processed = processedKey(diagnosisId, u.fileName());
        try {
            String content = held != null ? held : uploads.content(diagnosisId).orElseThrow();
            CompletableFuture<Void> originalStored = u.rawStored() ? CompletableFuture.completedFuture(null)
                    : early != null ? early.original() : storeOriginal(diagnosisId, original, content, PutGate.opened());
            Scoring s = scoring != null ? scoring.join() : score(content, type);
            lap(laps, ResultMetrics.Phase.SCORING);
            if (s.rejected() != null) {
                await(originalStored);
                lap(laps, ResultMetrics.Phase.STORE);
                String reason = "the result CSV was rejected: " + s.rejected().getMessage();
                tx.run(() -> {
                    diagnoses.finish(diagnosisId, DiagnosisState.FAILED, reason);
                    uploads.markDone(diagnosisId, reason);
                });
                lap(laps, ResultMetrics.Phase.RECORD);
                finished(diagnosisId, laps);
                return;
            }
            ScoredResult scored = s.result();
            try {
                if (early != null) {
                    await(early.processed());
                } else {
                    storeProcessed(processed, scored, PutGate.opened());
                }
            } finally {
                await(originalStored); // never leave the original's put running unobserved
            }
            lap(laps, ResultMetrics.Phase.STORE);
            tx.run(() -> complete(diagnosisId, original, processed, scored));
            lap(laps, ResultMetrics.Phase.RECORD);
            finished(diagnosisId, laps);
        } catch (StorageException e) {
            int attempt = u.attempts() + 1;
            LocalDateTime retry = Times.nowUtc().plusSeconds(Math.min(60, 2L << Math.min(attempt, 5)));
            LOG.warning(() -> "Result of diagnosis " + diagnosisId + " kept in the database: " + e.getMessage()
                    + " (" + rootCause(e) + "); attempt " + attempt + ", next at " + retry + " UTC");
            tx.run(() -> uploads.retryAt(diagnosisId, retry, e.getMessage() + ": " + rootCause(e)));
        }
    }

    /** After the last commit (the session has ended, its event is out): timed, and the held copy dropped. */
    private void finished(int diagnosisId, Laps laps) {
        if (laps != null) {
            laps.record();
        }
        try {
            tx.run(() -> uploads.dropContent(diagnosisId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The stored result of diagnosis " + diagnosisId + " stays in the database for now", e);
        }
    }

    /**
     * A first attempt's phases, timed one after the other from the moment its message was whole, and
     * recorded together with {@code dat_upload_seconds} when the attempt ends the session (an attempt
     * the bucket stops records nothing), so every phase counts the same uploads and they add up.
     */
    private final class Laps {
        private final long received;
        private final long[] spent = new long[ResultMetrics.Phase.values().length];
        private long mark;

        Laps(long receivedNanos) {
            received = receivedNanos;
            mark = receivedNanos;
        }

        void lap(ResultMetrics.Phase phase) {
            lap(phase, System.nanoTime());
        }

        void lap(ResultMetrics.Phase phase, long now) {
            spent[phase.ordinal()] = now - mark;
            mark = now;
        }

        void record() {
            for (ResultMetrics.Phase p : ResultMetrics.Phase.values()) {
                metrics.phase(p, spent[p.ordinal()]);
            }
            metrics.uploadDone(System.nanoTime() - received);
        }
    }

    private static void lap(Laps laps, ResultMetrics.Phase phase) {
        if (laps != null) {
            laps.lap(phase);
        }
    }

    /** Waits for the original's put; its StorageException comes out as itself. */
    private static void await(CompletableFuture<Void> put) throws StorageException {
        try {
            put.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StorageException se) {
                throw se;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** In a transaction: the record exists exactly when the session is COMPLETED. */
    private void complete(int diagnosisId, String original, String processed, ScoredResult scored) {
        if (diagnoses.finish(diagnosisId, DiagnosisState.COMPLETED, null)) {
            uploads.persist(new DiagnosisResult(diagnosisId, original, processed, scored, Times.nowUtc()));
            uploads.markDone(diagnosisId, null);
        } else {
            uploads.markDone(diagnosisId, "the session had already ended; files kept, no record made");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }

    /** UTF-8 length without encoding the whole text. */
    public static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
