package huixun.pipeline.problem;

/** Thrown by an API to answer with an RFC 9457 problem; {@link ProblemMapper} writes it. */
public class ProblemException extends RuntimeException {
    private final String type;
    private final String title;
    private final int status;

    public ProblemException(String type, String title, int status, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
        this.status = status;
    }

    public static ProblemException badRequest(String type, String title, String detail) {
        return new ProblemException(type, title, 400, detail);
    }

    public static ProblemException notFound(String type, String title, String detail) {
        return new ProblemException(type, title, 404, detail);
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
