-- Campaign names are unique whatever their case (ads.service.CampaignNames): the console refuses "christmas" next to
-- "Christmas", and now the database does too, so two requests at the same moment cannot both get the name. A name
-- that differs only in case from an older campaign's (possible through the first version's write API, removed)
-- first gets its campaign's id appended: "christmas" → "christmas (17)".
UPDATE campaigns c
   SET name = left(c.name, 120 - length(' (' || c.id || ')')) || ' (' || c.id || ')'
 WHERE EXISTS (SELECT 1 FROM campaigns o WHERE lower(o.name) = lower(c.name) AND o.id < c.id);

CREATE UNIQUE INDEX campaigns_name_any_case_key ON campaigns (lower(name));
