package kr.dat.scoring;

/** What scoring a result CSV produced: the processed file and the three numbers (SCORING.md §3). */
public record ScoredResult(String processedCsv, double score, double timeSpent, double fps,
                           int rows, int successEvents, int failEvents) {
}
