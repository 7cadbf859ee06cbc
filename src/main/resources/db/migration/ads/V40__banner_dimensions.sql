-- Width and height of each uploaded banner, read by the ad service when it checks the upload (pages size the
-- <img> with them, so the layout does not jump). Kept apart from banners so the workshop's table stays as it was.
CREATE TABLE banner_dimensions (
    ad_id  bigint PRIMARY KEY REFERENCES ads (id),
    width  integer NOT NULL CHECK (width > 0),
    height integer NOT NULL CHECK (height > 0)
);
