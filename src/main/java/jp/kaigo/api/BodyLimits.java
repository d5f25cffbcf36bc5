package jp.kaigo.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a caller may send (settings {@code kaigo.api.limits.*}). A JSON request body is small: a 一括照会 of 1,000
 * persons is about 100 KB, a card's answer with its certificate a few KB. A municipality's file is streamed and may
 * be large (a million 被保険者 rows is a few hundred MB); the office master, LIFE and care-plan files are read whole,
 * so they get a limit in between.
 *
 * @param jsonBody      the largest JSON request body
 * @param jsonDepth     the deepest nesting of objects and arrays in a JSON body (the API's deepest request has 3)
 * @param jsonString    the longest string (and member name) in a JSON body, in characters
 * @param documentFile  the largest office master, LIFE or care-plan file
 * @param municipalFile the largest municipality file (the console's upload has its own, {@code spring.servlet.multipart.*})
 */
@ConfigurationProperties("kaigo.api.limits")
record BodyLimits(@DefaultValue("1MB") DataSize jsonBody, @DefaultValue("32") int jsonDepth,
        @DefaultValue("65536") int jsonString, @DefaultValue("64MB") DataSize documentFile,
        @DefaultValue("4GB") DataSize municipalFile) {

    /**
     * The limit for a request to this path with this content type: a document sent with its PDF attachments
     * (multipart, up to 5 of 10 MB) gets the document-file limit, like the files.
     */
    DataSize forRequest(String path, String contentType) {
        if (path.equals("/api/exchange/documents") && contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return documentFile;
        }
        return forPath(path);
    }

    /** The limit for a request to this path (below the context path). */
    DataSize forPath(String path) {
        if (path.matches("/api/municipalities/[^/]+/files/[^/]+/?")) {
            return municipalFile;
        }
        if (path.startsWith("/api/master/") || path.startsWith("/api/life/files")
                || path.startsWith("/api/care-plans/files/")) {
            return documentFile;
        }
        return jsonBody;
    }

    /** The size as people say it: 64MB, 1GB, 512KB. */
    static String words(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KB";
        }
        return bytes + "バイト";
    }
}
