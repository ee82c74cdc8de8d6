package dev.oktyv.system.email;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.Objects;

/** A file attached to a message. The name is a bare file name: no path separators, no line breaks. */
public record Attachment(String filename, String contentType, byte[] content) {

    public Attachment {
        HeaderGuard.requireSingleLine("attachment filename", filename);
        HeaderGuard.requireSingleLine("attachment content type", contentType);
        Objects.requireNonNull(content, "content");
        if (filename.isBlank() || filename.contains("/") || filename.contains("\\") || filename.contains("\"")) {
            throw new InvalidEmailException("attachment filename " + HeaderGuard.quote(filename)
                    + " must be a bare file name without / \\ or \"");
        }
        try {
            ContentType parsed = new ContentType(contentType);
            if (parsed.getPrimaryType().equalsIgnoreCase("multipart")) {
                throw new InvalidEmailException("attachment content type " + HeaderGuard.quote(contentType) + " must not be multipart");
            }
        } catch (ParseException e) {
            throw new InvalidEmailException("attachment content type " + HeaderGuard.quote(contentType) + " is not a MIME type");
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
    }
}
