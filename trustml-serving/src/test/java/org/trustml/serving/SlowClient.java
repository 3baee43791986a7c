package org.trustml.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A client on a raw socket that sends the headers of {@code POST /v2/models/colours/infer} with a
 * declared {@code Content-Length} (or chunked), then the body one byte at a time every
 * {@code pauseMs}, until the server answers or closes, {@link #stop()} is called, or a cap passes.
 * It records what it got and whether the answer came while it was still sending.
 */
final class SlowClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final boolean chunked;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();
    private volatile boolean stop;
    private volatile boolean answeredWhileSending;
    private volatile boolean closedByServer;
    private volatile int sent;

    /** Connects and sends the headers (and nothing of the body) before returning. */
    SlowClient(int port, int contentLength, boolean chunked, long pauseMs, long capMs) throws IOException {
        this.chunked = chunked;
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) Math.max(1, pauseMs));
        out = socket.getOutputStream();
        in = socket.getInputStream();
        out.write(("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + contentLength) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(capMs);
        thread = new Thread(() -> run(contentLength, end), "slow-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int contentLength, long end) {
        byte[] buf = new byte[4096];
        try {
            while (!stop && System.nanoTime() < end && (chunked || sent < contentLength)) {
                out.write((chunked ? "1\r\n{\r\n" : "{").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                sent++;
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        closedByServer = true;
                        break;
                    }
                    answer.write(buf, 0, n);
                    answeredWhileSending = true;
                    break;
                } catch (SocketTimeoutException e) {
                    // no answer yet: send the next byte
                }
            }
            if (answeredWhileSending) {
                socket.setSoTimeout(10_000);
                try {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        answer.write(buf, 0, n);
                    }
                    closedByServer = true;
                } catch (SocketTimeoutException e) {
                    // answered, but the connection stayed open
                }
            }
        } catch (IOException e) {
            closedByServer = true; // a reset: the server closed the connection
        } finally {
            done.countDown();
        }
    }

    /** Whether the client has stopped (answered, closed, stopped or capped). */
    boolean finished() {
        return done.getCount() == 0;
    }

    /** Waits (at most a minute) for the client to stop on its own. */
    SlowClient await() throws InterruptedException {
        done.await(60, TimeUnit.SECONDS);
        return this;
    }

    /** Stops sending and closes the connection. */
    void stop() throws InterruptedException {
        stop = true;
        done.await(60, TimeUnit.SECONDS);
        close();
    }

    /** What the server sent (status line, headers, body). */
    String answer() {
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether the answer arrived while the client was still sending its body. */
    boolean answeredWhileSending() {
        return answeredWhileSending;
    }

    /** Whether the server closed the connection (after its answer, if any). */
    boolean closedByServer() {
        return closedByServer;
    }

    /** Body bytes sent. */
    int sent() {
        return sent;
    }

    @Override
    public void close() {
        stop = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
