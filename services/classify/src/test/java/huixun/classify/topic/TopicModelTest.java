package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicModelTest {
    private static final List<LabelledText> EXAMPLES = List.of(
            new LabelledText("1", "sport", "足球比赛 冠军 进球"),
            new LabelledText("2", "sport", "篮球比赛 球员 得分"),
            new LabelledText("3", "sport", "striker scores in cup final"),
            new LabelledText("4", "health", "医院 疫苗 病例 医生"),
            new LabelledText("5", "health", "新冠 病毒 核酸检测 医院"),
            new LabelledText("6", "health", "hospital doctors treat patients with the vaccine"));
    private static final TopicTrainer.Settings SMALL = new TopicTrainer.Settings(12, 10, 1.0, 0.5, 1);

    @Test
    void learnsTheTrainingExamples() throws IOException {
        TopicModel model = new TopicTrainer(SMALL).train(EXAMPLES).quantised();
        Evaluation evaluation = Evaluation.of(model, EXAMPLES);
        assertEquals(1.0, evaluation.accuracy());
        String[] report = evaluation.report(5).split("\\R");
        assertEquals("accuracy 1.0000", report[report.length - 1]);
    }

    @Test
    void sameDataAndSeedGiveTheSameFile() throws IOException {
        assertArrayEquals(bytes(new TopicTrainer(SMALL).train(EXAMPLES)),
                bytes(new TopicTrainer(SMALL).train(EXAMPLES)));
    }

    @Test
    void fileRoundTripKeepsLabelsAndPredictions() throws IOException {
        TopicModel model = new TopicTrainer(SMALL).train(EXAMPLES);
        TopicModel read = TopicModel.read(new ByteArrayInputStream(bytes(model)));
        assertEquals(List.of("health", "sport"), read.labels());
        double[] p = read.newScorer().probabilities("医院 核酸检测");
        assertEquals(1.0, p[0] + p[1], 1e-9);
        assertTrue(p[0] > 0.5);
    }

    @Test
    void aFileThatIsNoModelIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertThrows(IOException.class, () -> TopicModel.read(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static byte[] bytes(TopicModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
