package hvemu.cim.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A MOF text and where its includes are found: a file, or a resource on the class path. */
public interface MofSource {
    /** Returns the name errors report. */
    String name();

    /** Returns the text. */
    String read();

    /** Returns the source an {@code #pragma include} names, relative to this one. */
    MofSource resolve(String relative);

    /** A file. */
    static MofSource file(Path path) {
        return new MofSource() {
            @Override
            public String name() {
                return path.toString();
            }

            @Override
            public String read() {
                try {
                    return Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }

            @Override
            public MofSource resolve(String relative) {
                Path parent = path.toAbsolutePath().getParent();
                return file(parent.resolve(relative).normalize());
            }
        };
    }

    /** A resource on the class path, such as {@code mof/hvemu.mof}. */
    static MofSource classpath(String resource) {
        return new MofSource() {
            @Override
            public String name() {
                return resource;
            }

            @Override
            public String read() {
                try (InputStream in = MofSource.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new UncheckedIOException(new IOException("no resource " + resource));
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource, e);
                }
            }

            @Override
            public MofSource resolve(String relative) {
                int slash = resource.lastIndexOf('/');
                String base = slash < 0 ? "" : resource.substring(0, slash + 1);
                return classpath(Path.of(base + relative).normalize().toString().replace('\\', '/'));
            }
        };
    }
}
