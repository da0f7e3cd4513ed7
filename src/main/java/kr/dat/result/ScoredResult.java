package kr.dat.result;

/**
 * What scoring a result CSV produced: the processed file (UTF-8, as it goes to the bucket) and the
 * three numbers (docs/scoring.md, "The processed file" and "The numbers").
 */
public record ScoredResult(Utf8Writer processed, double score, double timeSpent, double fps,
                           int rows, int successEvents, int failEvents) {

    /** The processed file as text (a copy: for tests and small files). */
    public String processedCsv() {
        return processed.toString();
    }
}
