package kr.dat.realtime;

import java.util.ArrayList;
import java.util.List;
import kr.dat.result.ResultPipeline;

/**
 * Builds one socket's text messages from the parts the container hands over as they arrive, so a
 * message is measured while it comes in and never assembled past the limit: a part that would take
 * it over {@code maxBytes} or over the node's {@link MessageBudget} is refused, what was kept is
 * dropped, and the socket discards everything after (it is being closed). Called by one thread at a
 * time (the container delivers a socket's parts in order).
 */
final class MessageAssembler {

    enum Outcome { PARTIAL, COMPLETE, TOO_BIG, OVER_BUDGET, DISCARDED }

    /**
     * A whole message; {@code reservedBytes} stay taken from the budget until it has been handled;
     * {@code receivedNanos}: {@link System#nanoTime()} when its last part arrived.
     */
    record Received(String text, long reservedBytes, long receivedNanos) {
    }

    private final MessageBudget budget;
    private final long maxBytes;
    private final List<String> parts = new ArrayList<>();
    private long bytes;
    private boolean discarding;
    private Received complete;

    MessageAssembler(MessageBudget budget, long maxBytes) {
        this.budget = budget;
        this.maxBytes = maxBytes;
    }

    synchronized Outcome append(String part, boolean last) {
        if (discarding) {
            return Outcome.DISCARDED;
        }
        long n = ResultPipeline.utf8Length(part);
        if (bytes + n > maxBytes) {
            abandon();
            return Outcome.TOO_BIG;
        }
        if (!budget.tryReserve(n)) {
            abandon();
            return Outcome.OVER_BUDGET;
        }
        bytes += n;
        parts.add(part);
        if (!last) {
            return Outcome.PARTIAL;
        }
        String text = parts.size() == 1 ? parts.get(0) : String.join("", parts);
        complete = new Received(text, bytes, System.nanoTime());
        parts.clear();
        bytes = 0;
        return Outcome.COMPLETE;
    }

    /** The message {@link #append} reported {@code COMPLETE}; its reservation goes with it. */
    synchronized Received take() {
        Received r = complete;
        complete = null;
        return r;
    }

    /** Drops the message being received (the socket closes) and ignores every later part. */
    synchronized void abandon() {
        discarding = true;
        budget.release(bytes);
        bytes = 0;
        parts.clear();
        if (complete != null) {
            budget.release(complete.reservedBytes());
            complete = null;
        }
    }

    /** Bytes of the message being received so far (for logs). */
    synchronized long pendingBytes() {
        return bytes;
    }
}
