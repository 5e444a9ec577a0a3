package huixun.classify.topic;

import java.util.List;

/**
 * A pretrained sentence encoder: text to a fixed-length vector in which texts on similar subjects lie close. A model
 * with a {@link SentenceClassifier} needs the encoder it was trained with (its {@link #name()}) to score short texts;
 * the encoder is passed in rather than loaded by the model, so that the service's model, which has none, never loads
 * an encoder's runtime.
 */
public interface SentenceEncoder {
    /** The name recorded in a model trained with this encoder, checked when the model is scored. */
    String name();

    /** The vector of {@code text}. */
    float[] embed(String text);

    /** The vectors of {@code texts}, in their order; an encoder may batch them. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
