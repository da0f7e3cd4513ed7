package kr.dat.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * A short transaction around a block, for code that must also work outside one (the result
 * pipeline never calls the bucket while a transaction holds locks): each call commits before it
 * returns, or rolls back on an exception.
 */
@ApplicationScoped
public class Transactions {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Runnable work) {
        work.run();
    }
}
