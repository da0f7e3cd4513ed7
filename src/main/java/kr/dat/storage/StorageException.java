package kr.dat.storage;

/** The object store could not be reached or refused the operation; the caller may retry later. */
public class StorageException extends Exception {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
