package jp.kaigo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/**
 * A minimal HTTP/1.1 keep-alive client for the load phase (over TLS when given a TLS socket factory):
 * one socket, one request at a time, so that
 * the client spends as little of the shared 2 cores as possible and latency is measured end to end.
 */
final class RawHttp implements AutoCloseable {
    private final SocketFactory sockets;
    private final int port;
    private final String bearer;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** A client that POSTs to {@code path} by {@link #post(byte[])}; {@code bearer} may be null. */
    RawHttp(SocketFactory sockets, int port, String path, String bearer) throws IOException {
        this.sockets = sockets;
        this.port = port;
        this.bearer = bearer;
        head = requestHead("POST", path, "application/json").getBytes(StandardCharsets.US_ASCII);
        connect();
    }

    private String requestHead(String method, String path, String contentType) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                + "Content-Type: " + contentType + "\r\nContent-Length: ";
    }

    private void connect() throws IOException {
        socket = sockets.createSocket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    /** POSTs to the path given at construction and reads the whole response; returns the body. */
    String post(byte[] request) throws IOException {
        return send(head, request);
    }

    /** POSTs JSON to another path. */
    String post(String path, String json) throws IOException {
        return post(path, "application/json", json);
    }

    String post(String path, String contentType, String text) throws IOException {
        return send(requestHead("POST", path, contentType).getBytes(StandardCharsets.US_ASCII),
                text.getBytes(StandardCharsets.UTF_8));
    }

    String get(String path) throws IOException {
        return send(requestHead("GET", path, "application/json").getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** Sends one request and reads the whole response; returns the body of a 2xx answer. */
    private String send(byte[] requestHead, byte[] request) throws IOException {
        out.write(requestHead);
        out.write((request.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        String body = chunked ? chunkedBody()
                : length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (close) {
            socket.close();
            connect();
        }
        if (!status.startsWith("HTTP/1.1 2")) {
            throw new IOException("unexpected status: " + status + " " + body);
        }
        return body;
    }

    private String chunkedBody() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
            text.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            line();
        }
        line();
        return text.toString();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
