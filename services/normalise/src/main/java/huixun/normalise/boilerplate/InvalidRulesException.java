package huixun.normalise.boilerplate;

/** The rules file is missing, is not the expected YAML, or a rule fails its own example. */
public class InvalidRulesException extends Exception {
    public InvalidRulesException(String message) {
        super(message);
    }

    public InvalidRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
