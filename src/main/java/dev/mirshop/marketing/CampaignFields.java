package dev.mirshop.marketing;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.marketing.client.ConsoleApi.Campaign;
import dev.mirshop.marketing.client.ConsoleApi.CampaignEdit;

/** The campaign form as typed, so a refused form comes back with what the marketer entered. */
public record CampaignFields(String name, String theme, String startsAt, String endsAt, boolean yearly,
        String priority) {

    static CampaignFields blank() {
        return new CampaignFields("", "everyday", "", "", false, "0");
    }

    static CampaignFields of(Campaign c) {
        return new CampaignFields(c.name(), c.theme(), ConsoleFormatting.inputValue(c.startsAt()),
                ConsoleFormatting.inputValue(c.endsAt()), c.yearly(), String.valueOf(c.priority()));
    }

    /** The API request, or null when a field could not be read (its message is in errors). */
    CampaignEdit toEdit(FieldErrors errors) {
        FormValues v = new FormValues(errors);
        var start = v.time("startsAt", startsAt);
        var end = v.time("endsAt", endsAt);
        Integer p = v.integer("priority", priority);
        if (FormValues.trimmed(name) == null) {
            errors.add("name", "enter a name");
        }
        if (p == null && !errors.has("priority")) {
            errors.add("priority", "enter a priority from 0 to 1000");
        } else if (p != null && (p < 0 || p > 1000)) {
            errors.add("priority", "must be from 0 to 1000");
        }
        if (errors.any()) {
            return null;
        }
        return new CampaignEdit(name.trim(), FormValues.trimmed(theme), start, end, yearly, p);
    }
}
