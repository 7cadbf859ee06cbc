package dev.mirshop.marketing.client;

import dev.mirshop.marketing.FormErrors;

/** The service refused a change (400 or 409 problem JSON); its field errors, ready to show next to the fields. */
public class ServiceRejected extends RuntimeException {
    public final FormErrors errors;

    public ServiceRejected(FormErrors errors) {
        super("The service refused the change", null, false, false);
        this.errors = errors;
    }
}
