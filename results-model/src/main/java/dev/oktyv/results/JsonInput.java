package dev.oktyv.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every codec of the suite reads JSON (run.json, summary.json, stress.json, profile.json, the phase reports,
 * jmh.json): strictly, because a lenient parser reads a damaged file as something else ({@code <html>} becomes a
 * string, {@code [1,]} gains a null), and with errors a user can act on: where (line, column, JSON path) and what
 * was expected there, never Gson's advice to programmers to parse leniently.
 */
public final class JsonInput {

    /** Gson's messages end in "at line L column C path P", optionally followed by a troubleshooting link. */
    private static final Pattern WHERE = Pattern.compile("(?s)^(?:[\\w.]+Exception: )?(.*?) at line (\\d+) column (\\d+) path (\\S*).*");

    private JsonInput() {
    }

    /** One JSON document: {@code json} holds exactly one value and nothing after it but white space. */
    public static JsonElement parse(String json) {
        return parse(new StringReader(json));
    }

    /** Like {@link #parse(String)}, streaming (jmh.json with rawData can be large). */
    public static JsonElement parse(Reader in) {
        JsonReader reader = strictReader(in);
        JsonElement root;
        try {
            // Gson reads an empty document as null; a strict peek first makes "empty" an error like any other.
            reader.peek();
            root = JsonParser.parseReader(reader);
        } catch (EOFException | MalformedJsonException e) {
            throw new MalformedJson(describe(e, false), e);
        } catch (JsonParseException e) {
            throw new MalformedJson(describe(e, false), e);
        } catch (IOException e) {
            throw new JsonIOException(e);
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJson(location(reader) + ": expected the end of the file after the first JSON value");
            }
        } catch (EOFException | MalformedJsonException e) {
            throw new MalformedJson(describe(e, true), e);
        } catch (IOException e) {
            throw new JsonIOException(e);
        }
        return root;
    }

    /** Reads and parses a file; a syntax error names the file, the line and the column. */
    public static JsonElement read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (MalformedJson e) {
            throw new MalformedJson(file + ": " + e.getMessage(), e);
        } catch (JsonIOException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /**
     * A reader for codecs that stream (counting the entries of a large jmh.json), as strict as {@link #parse};
     * {@link #explain} turns what it throws into the same one-line message.
     */
    public static JsonReader strictReader(Reader in) {
        JsonReader reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /**
     * Like {@link #explain(Exception)} for an error met after the document's one value was read completely: whatever
     * Gson says there, what was expected is the end of the file.
     */
    public static MalformedJson explainTrailing(Exception e) {
        return new MalformedJson(describe(e, true), e);
    }

    /** The one-line "line L, column C: expected …" for a syntax error thrown by a {@link #strictReader}. */
    public static MalformedJson explain(Exception e) {
        if (e instanceof MalformedJson m) {
            return m;
        }
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith("Expected ")) {
            // JsonReader.beginArray() on an object: "Expected BEGIN_ARRAY but was BEGIN_OBJECT at line …"
            Matcher m = WHERE.matcher(e.getMessage());
            String what = e.getMessage().replaceFirst(" at line.*", "").replace("BEGIN_ARRAY", "an array")
                    .replace("BEGIN_OBJECT", "an object").replace("Expected", "expected").replace(" but was ", ", found ");
            return new MalformedJson(m.matches() ? "line " + m.group(2) + ", column " + m.group(3) + ": " + what.toLowerCase(java.util.Locale.ROOT) : what, e);
        }
        return new MalformedJson(describe(e, false), e);
    }

    /** A file that is not one JSON document. The message is one line: "line L, column C: expected …". */
    public static final class MalformedJson extends JsonParseException {
        private static final long serialVersionUID = 1L;

        public MalformedJson(String message) {
            super(message);
        }

        public MalformedJson(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String location(JsonReader reader) {
        // JsonReader.toString() is "JsonReader at line L column C path P".
        Matcher m = WHERE.matcher("x" + reader.toString().replaceFirst("^JsonReader", ""));
        return m.matches() ? "line " + m.group(2) + ", column " + m.group(3) : "after the first value";
    }

    static String describe(Throwable e, boolean afterValue) {
        Throwable t = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
        String message = t.getMessage() == null ? "" : t.getMessage();
        Matcher m = WHERE.matcher(message);
        if (!m.matches()) {
            int nl = message.indexOf('\n');
            return "not valid JSON: " + (nl < 0 ? message : message.substring(0, nl));
        }
        String what = m.group(1);
        String path = m.group(4);
        String where = "line " + m.group(2) + ", column " + m.group(3);
        String in = path.isEmpty() || path.equals("$") ? "" : " (in " + path + ")";
        if (afterValue) {
            return where + ": expected the end of the file after the first JSON value";
        }
        String expected;
        if (what.startsWith("End of input")) {
            return path.equals("$") ? where + ": expected a JSON value, the file is empty"
                    : where + ": expected more JSON, the file ends here (truncated?)" + in;
        } else if (what.startsWith("Unterminated object")) {
            expected = "',' or '}' after an object member";
        } else if (what.startsWith("Unterminated array")) {
            expected = "',' or ']' after an array element";
        } else if (what.startsWith("Expected name")) {
            expected = "a property name in double quotes";
        } else if (what.startsWith("Expected ':'")) {
            expected = "':' after the property name";
        } else if (what.startsWith("Expected value")) {
            expected = "a value (object, array, string, number, true, false or null)";
        } else if (what.startsWith("Unterminated string")) {
            expected = "the closing '\"' of a string";
        } else if (what.contains("escape") || what.contains("Escape")) {
            expected = "a valid escape sequence in a string";
        } else if (what.contains("setStrictness") || what.contains("setLenient")) {
            expected = "a JSON value (text in double quotes; no comments, single quotes, bare words or NaN)";
        } else if (what.contains("Nesting limit")) {
            return where + ": nested too deeply" + in;
        } else {
            expected = "valid JSON (" + what + ")";
        }
        return where + ": expected " + expected + in;
    }
}
