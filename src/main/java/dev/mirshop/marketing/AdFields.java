package dev.mirshop.marketing;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.marketing.client.ConsoleApi.AdDetail;
import dev.mirshop.marketing.client.ConsoleApi.AdEdit;

/** The ad form as typed (the banner file travels separately). */
public record AdFields(String title, String altText, String targetPath, String weight, String taxonPermalink) {

    static AdFields blank() {
        return new AdFields("", "", "/", "1", "");
    }

    static AdFields of(AdDetail a) {
        return new AdFields(a.title(), a.altText(), a.targetPath(), String.valueOf(a.weight()),
                a.taxonPermalink() == null ? "" : a.taxonPermalink());
    }

    AdEdit toEdit(FieldErrors errors) {
        Integer w = new FormValues(errors).integer("weight", weight);
        if (w == null && !errors.has("weight")) {
            errors.add("weight", "enter a weight of 1 or more");
        }
        if (errors.any()) {
            return null;
        }
        return new AdEdit(FormValues.trimmed(title), FormValues.trimmed(altText), FormValues.trimmed(targetPath), w,
                FormValues.trimmed(taxonPermalink));
    }
}
