package kr.dat.result;

/** What scoring a result CSV produced: the processed file and the three numbers (docs/scoring.md, "The processed file" and "The numbers"). */
public record ScoredResult(String processedCsv, double score, double timeSpent, double fps,
                           int rows, int successEvents, int failEvents) {
}
