package dev.mirshop.marketing.client;

import dev.mirshop.platform.forms.FieldErrors;

/** The service refused a change (400 or 409 problem JSON); its field errors, ready to show next to the fields. */
public class ServiceRejected extends RuntimeException {
    public final FieldErrors errors;

    public ServiceRejected(FieldErrors errors) {
        super("The service refused the change", null, false, false);
        this.errors = errors;
    }
}
