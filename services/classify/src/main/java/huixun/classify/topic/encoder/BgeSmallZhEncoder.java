package huixun.classify.topic.encoder;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import huixun.classify.topic.SentenceEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * BAAI's bge-small-zh-v1.5 (MIT licence; 512 dimensions, int8-quantised ONNX, 24 MB), run offline by ONNX Runtime
 * through LangChain4j's packaging of it (docs/data-sources.md). It brings what 16,000 labelled headlines cannot: which
 * words go together in a large body of Chinese text. Loaded on first use (about a second), so a command that never
 * embeds never pays for it. Only the command-line trainer and evaluator use it; the service's packaging leaves its
 * runtime out (application.properties).
 */
public final class BgeSmallZhEncoder implements SentenceEncoder {
    public static final String NAME = "bge-small-zh-v1.5-q";
    /** Texts per call: the runtime pads a batch to its longest text, and headlines are of about one length. */
    private static final int BATCH = 64;
    private EmbeddingModel model;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from).toList();
            model().embedAll(batch).content().forEach(embedding -> vectors.add(embedding.vector()));
        }
        return vectors;
    }

    private synchronized EmbeddingModel model() {
        if (model == null) {
            model = new BgeSmallZhV15QuantizedEmbeddingModel();
        }
        return model;
    }
}
