package dev.oktyv.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --results-dir DIR}: a directory, or a path not yet created (the first run creates it). A path to a file is
 * a usage error at parse time; otherwise listing commands found "no runs" there and passed, and writing commands
 * failed half-way with an I/O error (exit 3).
 */
public final class ResultsDirConverter implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        Path p = Path.of(value);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new TypeConversionException("'" + value + "' is not a directory");
        }
        return p;
    }
}
