package huixun.classify.topic;

/** One example of a corpus: its id, its label and its text. */
public record LabelledText(String id, String label, String text) {
}
