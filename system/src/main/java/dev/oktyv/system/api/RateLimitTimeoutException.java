package dev.oktyv.system.api;

import java.time.Duration;

/** No permit could be obtained within the acquire timeout; nothing was sent. */
public class RateLimitTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RateLimitTimeoutException(String bucket, Duration timeout, Duration neededWait) {
        super("rate limit '" + bucket + "': no permit within " + timeout + " (next permit in " + neededWait + ")");
    }
}
