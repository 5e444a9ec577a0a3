package huixun.pipeline.feeds;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Rome (feeds: parsed by fetch, written by publish) finds its parsers, generators, converters and modules by the
 * class names in {@code com/rometools/rome/rome.properties} and creates them by reflection, which a native build
 * only keeps when told; the list below is that file's (Rome 2.1.0). The services that use Rome also include the
 * file itself in {@code quarkus.native.resources.includes}. Services without Rome ignore the names.
 */
@RegisterForReflection(classNames = {
        "com.rometools.rome.feed.synd.impl.ConverterForAtom03",
        "com.rometools.rome.feed.synd.impl.ConverterForAtom10",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS090",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS091Netscape",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS091Userland",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS092",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS093",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS094",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS10",
        "com.rometools.rome.feed.synd.impl.ConverterForRSS20",
        "com.rometools.rome.io.impl.Atom03Generator",
        "com.rometools.rome.io.impl.Atom03Parser",
        "com.rometools.rome.io.impl.Atom10Generator",
        "com.rometools.rome.io.impl.Atom10Parser",
        "com.rometools.rome.io.impl.DCModuleGenerator",
        "com.rometools.rome.io.impl.DCModuleParser",
        "com.rometools.rome.io.impl.RSS090Generator",
        "com.rometools.rome.io.impl.RSS090Parser",
        "com.rometools.rome.io.impl.RSS091NetscapeGenerator",
        "com.rometools.rome.io.impl.RSS091NetscapeParser",
        "com.rometools.rome.io.impl.RSS091UserlandGenerator",
        "com.rometools.rome.io.impl.RSS091UserlandParser",
        "com.rometools.rome.io.impl.RSS092Generator",
        "com.rometools.rome.io.impl.RSS092Parser",
        "com.rometools.rome.io.impl.RSS093Generator",
        "com.rometools.rome.io.impl.RSS093Parser",
        "com.rometools.rome.io.impl.RSS094Generator",
        "com.rometools.rome.io.impl.RSS094Parser",
        "com.rometools.rome.io.impl.RSS10Generator",
        "com.rometools.rome.io.impl.RSS10Parser",
        "com.rometools.rome.io.impl.RSS20Generator",
        "com.rometools.rome.io.impl.RSS20Parser",
        "com.rometools.rome.io.impl.RSS20wNSParser",
        "com.rometools.rome.io.impl.SyModuleGenerator",
        "com.rometools.rome.io.impl.SyModuleParser"})
final class RomeReflection {
    private RomeReflection() {
    }
}
