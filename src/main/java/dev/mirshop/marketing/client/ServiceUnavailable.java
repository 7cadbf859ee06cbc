package dev.mirshop.marketing.client;

/** The ad or discount service could not be reached or failed: the console says so instead of erroring. */
public class ServiceUnavailable extends RuntimeException {
    public final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super("The " + service + " service is unavailable", cause);
        this.service = service;
    }
}
