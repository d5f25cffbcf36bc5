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
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttp(SocketFactory sockets, int port, String path, String bearer) throws IOException {
        this.sockets = sockets;
        this.port = port;
        head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
        connect();
    }

    private void connect() throws IOException {
        socket = sockets.createSocket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    /** Sends one request and reads the whole response; returns the body. */
    String post(byte[] request) throws IOException {
        out.write(head);
        out.write((request.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(request);
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException("unexpected status: " + status);
        }
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
        String body = chunked ? chunkedBody() : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (close) {
            socket.close();
            connect();
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
