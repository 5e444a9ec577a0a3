package huixun.pipeline.charset;

import java.nio.charset.Charset;

/** A page body as text, with the charset it was decoded with. */
public record DecodedPage(String html, Charset charset) {
}
