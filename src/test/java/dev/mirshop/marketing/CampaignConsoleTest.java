package dev.mirshop.marketing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.Banners;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The campaigns console: forms and their validation, banner uploads, schedule actions, duplicate, audit. */
@QuarkusTest
class CampaignConsoleTest {

    @Inject
    ConsoleFixtures fixtures;

    static Map<String, String> campaignForm(String name, String startsAt, String endsAt, String priority) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("theme", "test");
        form.put("startsAt", startsAt);
        form.put("endsAt", endsAt);
        form.put("priority", priority);
        return form;
    }

    static Map<String, String> adForm(String title, String targetPath) {
        return Map.of("title", title, "altText", title + " banner", "targetPath", targetPath, "weight", "3",
                "taxonPermalink", "");
    }

    /** Creates a paused far-future campaign through the console and answers its id. */
    static long createCampaign(ConsoleBrowser marketer, String name) {
        marketer.get("/admin/campaigns/new");
        var response = marketer.post("/admin/campaigns",
                campaignForm(name, "2091-12-01T00:00", "2091-12-26T00:00", "5"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).matches("/admin/campaigns/\\d+\\?done=created");
        return Long.parseLong(location.replaceAll("\\D+(\\d+)\\?.*", "$1"));
    }

    private static String fieldError(Document page, String field) {
        var error = page.selectFirst("#" + field + "-error");
        return error == null ? null : error.text();
    }

    @Test
    void invalidCampaignFormsShowEachErrorNextToItsField() {
        ConsoleBrowser marketer = fixtures.marketer();
        marketer.get("/admin/campaigns/new");

        var blank = marketer.post("/admin/campaigns", campaignForm("", "not a date", "", "5000"));
        assertThat(blank.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(blank.asString());
        assertThat(fieldError(page, "name")).isEqualTo("enter a name");
        assertThat(fieldError(page, "startsAt")).contains("enter a date and time");
        assertThat(fieldError(page, "priority")).isEqualTo("must be from 0 to 1000");
        assertThat(page.selectFirst("input[name=startsAt]").attr("value")).isEqualTo("not a date");

        // rules the ad service checks come back as problem JSON, shown next to the same fields
        var backwards = marketer.post("/admin/campaigns",
                campaignForm(ConsoleFixtures.unique("Backwards"), "2091-12-26T00:00", "2091-12-01T00:00", "1"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(fieldError(Jsoup.parse(backwards.asString()), "endsAt")).isEqualTo("must be after the start");

        String name = ConsoleFixtures.unique("Taken");
        createCampaign(marketer, name);
        marketer.get("/admin/campaigns/new");
        var taken = marketer.post("/admin/campaigns", campaignForm(name, "", "", "1"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(fieldError(Jsoup.parse(taken.asString()), "name")).isEqualTo("another campaign has this name");

        var yearly = campaignForm(ConsoleFixtures.unique("Yearly"), "", "2091-12-26T00:00", "1");
        yearly.put("yearly", "on");
        marketer.get("/admin/campaigns/new");
        var noStart = marketer.post("/admin/campaigns", yearly);
        assertThat(fieldError(Jsoup.parse(noStart.asString()), "startsAt")).isEqualTo("a yearly campaign needs a start");
    }

    @Test
    void aCampaignIsCreatedEditedAndListedWithItsStatusAndAudited() {
        ConsoleBrowser marketer = fixtures.marketer();
        String name = ConsoleFixtures.unique("Winter");
        long id = createCampaign(marketer, name);

        Document list = marketer.page("/admin/campaigns");
        var row = list.selectFirst("tr[data-campaign-id=" + id + "]");
        assertThat(row).isNotNull();
        assertThat(row.text()).contains(name, "scheduled", "2091-12-01 00:00 UTC", "5");

        marketer.get("/admin/campaigns/" + id + "/edit");
        var saved = marketer.post("/admin/campaigns/" + id,
                campaignForm(name + " edited", "2092-01-01T00:00", "2092-02-01T00:00", "7"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Document show = marketer.page("/admin/campaigns/" + id);
        assertThat(show.select("h1").text()).contains(name + " edited", "scheduled");
        assertThat(show.select(".admin-facts").text()).contains("2092-01-01 00:00 UTC", "7");
        assertThat(fixtures.count("select count(*) from audit_log where entity_type = 'campaign' and entity_id = ?"
                + " and action in ('create', 'update') and actor_email like 'marketer-%'", id)).isEqualTo(2);
        assertThat(show.select("table.audit-table").text()).contains("Created campaign", "Saved campaign");
    }

    @Test
    void bannersAreUploadedWithTheirDimensionsAndBadFilesAreRefusedNextToTheField() {
        ConsoleBrowser marketer = fixtures.marketer();
        long id = createCampaign(marketer, ConsoleFixtures.unique("Banners"));
        String path = "/admin/campaigns/" + id + "/ads";
        marketer.get("/admin/campaigns/" + id);

        var svg = marketer.upload(path, adForm("Snow mugs", "/t/categories/mugs"), "snow.svg", "image/svg+xml",
                Banners.svg("Snow"));
        assertThat(svg.statusCode()).as(svg.asString()).isEqualTo(303);
        var png = marketer.upload(path, adForm("Snow bags", "/t/categories/bags"), "bags.png", "image/png",
                Banners.png(320, 100));
        assertThat(png.statusCode()).as(png.asString()).isEqualTo(303);
        Document show = marketer.page("/admin/campaigns/" + id);
        assertThat(show.select("tr[data-ad-id]")).hasSize(2);
        assertThat(show.select("tr[data-ad-id]").text()).contains("600×200 image/svg+xml", "320×100 image/png");
        String src = show.selectFirst("tr[data-ad-id] img").attr("src");
        given().get(src).then().statusCode(200).header("Content-Type", "image/svg+xml")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"));

        Map<String, byte[]> bad = Map.of(
                "script", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "handler", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"/>"
                        .getBytes(StandardCharsets.UTF_8),
                "foreign", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><foreignObject/></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "external", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"><image xlink:href=\"https://evil.example/x.png\"/></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "doctype", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&x;</text></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        for (var file : bad.entrySet()) {
            var refused = marketer.upload(path, adForm("Bad " + file.getKey(), "/"), file.getKey() + ".svg",
                    "image/svg+xml", file.getValue());
            assertThat(refused.statusCode()).as(file.getKey()).isEqualTo(400);
            assertThat(fieldError(Jsoup.parse(refused.asString()), "image")).as(file.getKey()).isNotBlank();
        }
        var disguised = marketer.upload(path, adForm("Disguised", "/"), "photo.jpg", "image/jpeg", Banners.png(10, 10));
        assertThat(fieldError(Jsoup.parse(disguised.asString()), "image"))
                .isEqualTo("is a PNG file but was sent as JPEG");
        var gif = marketer.upload(path, adForm("Gif", "/"), "x.gif", "image/gif", new byte[] { 'G', 'I', 'F', '8' });
        assertThat(fieldError(Jsoup.parse(gif.asString()), "contentType")).contains("PNG, JPEG, WebP or SVG");
        var huge = marketer.upload(path, adForm("Huge", "/"), "huge.svg", "image/svg+xml", new byte[600 * 1024]);
        assertThat(fieldError(Jsoup.parse(huge.asString()), "image")).isEqualTo("must be at most 512 KiB");
        var away = marketer.upload(path, adForm("Away", "https://evil.example/"), "a.svg", "image/svg+xml",
                Banners.svg("Away"));
        Document awayPage = Jsoup.parse(away.asString());
        assertThat(fieldError(awayPage, "targetPath")).contains("must be a path on this shop");
        assertThat(awayPage.selectFirst("input[name=title]").attr("value")).isEqualTo("Away");
        var noFile = marketer.upload(path, adForm("No file", "/"), "", "application/octet-stream", new byte[0]);
        assertThat(fieldError(Jsoup.parse(noFile.asString()), "image")).contains("choose a banner image");
        assertThat(marketer.page("/admin/campaigns/" + id).select("tr[data-ad-id]")).hasSize(2);
    }

    @Test
    void anAdIsEditedWithValidation() {
        ConsoleBrowser marketer = fixtures.marketer();
        long id = createCampaign(marketer, ConsoleFixtures.unique("EditAd"));
        marketer.get("/admin/campaigns/" + id);
        marketer.upload("/admin/campaigns/" + id + "/ads", adForm("Tees", "/t/categories/clothing"), "t.svg",
                "image/svg+xml", Banners.svg("Tees"));
        String adId = marketer.page("/admin/campaigns/" + id).selectFirst("tr[data-ad-id]").attr("data-ad-id");
        String edit = "/admin/campaigns/" + id + "/ads/" + adId;
        marketer.get(edit);
        var bad = marketer.post(edit, Map.of("title", "Tees", "altText", "Tees", "targetPath", "//evil.example",
                "weight", "zero", "taxonPermalink", "Not A Permalink"));
        assertThat(bad.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(bad.asString());
        assertThat(fieldError(page, "weight")).isEqualTo("enter a whole number");
        var bad2 = marketer.post(edit, Map.of("title", "Tees", "altText", "Tees", "targetPath", "//evil.example",
                "weight", "2", "taxonPermalink", "Not A Permalink"));
        Document page2 = Jsoup.parse(bad2.asString());
        assertThat(fieldError(page2, "taxonPermalink")).isNotBlank();
        var ok = marketer.post(edit, Map.of("title", "Tees on sale", "altText", "Tees on sale", "targetPath",
                "/t/categories/clothing/t-shirts", "weight", "9", "taxonPermalink", "categories/clothing"));
        assertThat(ok.statusCode()).isEqualTo(303);
        String row = marketer.page("/admin/campaigns/" + id).selectFirst("tr[data-ad-id]").text();
        assertThat(row).contains("Tees on sale", "9", "categories/clothing", "/t/categories/clothing/t-shirts");
    }

    @Test
    void pauseResumeGoLiveEndNowAndDuplicateForNextYear() {
        ConsoleBrowser marketer = fixtures.marketer();
        String name = ConsoleFixtures.unique("Christmas 2091");
        long id = createCampaign(marketer, name);
        marketer.get("/admin/campaigns/" + id);
        marketer.upload("/admin/campaigns/" + id + "/ads", adForm("Gifts", "/t/categories/mugs"), "g.svg",
                "image/svg+xml", Banners.svg("Gifts"));

        marketer.get("/admin/campaigns/" + id);
        assertThat(marketer.post("/admin/campaigns/" + id + "/pause", Map.of()).statusCode()).isEqualTo(303);
        assertThat(status(marketer, id)).isEqualTo("paused");
        marketer.post("/admin/campaigns/" + id + "/resume", Map.of());
        assertThat(status(marketer, id)).isEqualTo("scheduled");

        var duplicate = marketer.post("/admin/campaigns/" + id + "/duplicate", Map.of());
        assertThat(duplicate.statusCode()).isEqualTo(303);
        long copy = Long.parseLong(duplicate.header("Location").replaceAll("\\D+(\\d+)\\?.*", "$1"));
        assertThat(copy).isNotEqualTo(id);
        Document copyPage = marketer.page("/admin/campaigns/" + copy);
        assertThat(copyPage.select("h1").text()).contains(name.replace("2091", "2092"));
        assertThat(copyPage.select(".admin-facts").text()).contains("2092-12-01 00:00 UTC", "2092-12-26 00:00 UTC");
        assertThat(copyPage.select("tr[data-ad-id]")).hasSize(1);
        assertThat(copyPage.select("tr[data-ad-id] img").attr("src")).startsWith("/banners/");

        // going live at once, then ending at once (the campaign is ended again before the test finishes)
        try {
            marketer.post("/admin/campaigns/" + id + "/go-live", Map.of());
            assertThat(status(marketer, id)).isEqualTo("live");
        } finally {
            marketer.get("/admin/campaigns/" + id);
            marketer.post("/admin/campaigns/" + id + "/end", Map.of());
        }
        assertThat(status(marketer, id)).isEqualTo("ended");
        assertThat(fixtures.count("select count(*) from audit_log where entity_type = 'campaign' and entity_id = ?"
                + " and action in ('pause', 'resume', 'go-live', 'end')", id)).isEqualTo(4);
        assertThat(fixtures.count("select count(*) from audit_log where entity_id = ? and action = 'duplicate'", copy))
                .isEqualTo(1);
        assertThat(marketer.page("/admin/audit").select("table.audit-table").text()).contains("Duplicated campaign " + id);
    }

    private static String status(ConsoleBrowser marketer, long id) {
        return marketer.page("/admin/campaigns/" + id).selectFirst("h1 .status").text();
    }

    @Test
    void unknownCampaignsAre404Pages() {
        ConsoleBrowser marketer = fixtures.marketer();
        assertThat(marketer.get("/admin/campaigns/999999999").statusCode()).isEqualTo(404);
        assertThat(marketer.get("/admin/campaigns/999999999/preview").statusCode()).isEqualTo(404);
    }
}
