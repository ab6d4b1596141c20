namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>
/// Price books: immutable versions, an active pointer, and an activation log. Money is decimal text, times
/// fixed-width UTC text, clouds and capacity types their wire names, as in the first schema.
/// A version's prices, egress rates and spot bands live under its rows_version: its own number when it was
/// imported, or an earlier version's when it only changed overrides, so a set-override on an 88,000-price
/// book writes one row per override instead of copying every price. rows_version always names a version that
/// holds rows itself, never one that borrows them.
/// </summary>
internal static class Migration0002PriceBooks
{
    public const string Sql = """
        CREATE TABLE price_books (
            version         INTEGER NOT NULL PRIMARY KEY CHECK (version >= 1),
            created_by      TEXT    NOT NULL,
            created_at      TEXT    NOT NULL,
            comment         TEXT    NOT NULL,
            source          TEXT    NOT NULL,
            price_count     INTEGER NOT NULL CHECK (price_count >= 0),
            override_count  INTEGER NOT NULL CHECK (override_count >= 0),
            rows_version    INTEGER NOT NULL REFERENCES price_books (version),
            CHECK (rows_version <= version)
        );

        -- At most one row: the version the scheduler uses.
        CREATE TABLE price_book_active (
            singleton     INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
            version       INTEGER NOT NULL REFERENCES price_books (version),
            activated_by  TEXT    NOT NULL,
            activated_at  TEXT    NOT NULL
        );

        -- Every activation, in order, so a rollback can be traced to who did it and when.
        CREATE TABLE price_book_activations (
            seq           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            version       INTEGER NOT NULL REFERENCES price_books (version),
            activated_by  TEXT    NOT NULL,
            activated_at  TEXT    NOT NULL
        );

        CREATE TABLE prices (
            version        INTEGER NOT NULL REFERENCES price_books (version),
            cloud          TEXT    NOT NULL,
            region         TEXT    NOT NULL,
            instance_type  TEXT    NOT NULL,
            capacity_type  TEXT    NOT NULL,
            hourly         TEXT    NOT NULL,
            PRIMARY KEY (version, cloud, region, instance_type, capacity_type)
        ) WITHOUT ROWID;

        -- Regions as cloud and name apart, so a name comes back exactly as it was imported.
        CREATE TABLE egress (
            version      INTEGER NOT NULL REFERENCES price_books (version),
            from_cloud   TEXT    NOT NULL,
            from_region  TEXT    NOT NULL,
            to_cloud     TEXT    NOT NULL,
            to_region    TEXT    NOT NULL,
            per_gb       TEXT    NOT NULL,
            PRIMARY KEY (version, from_cloud, from_region, to_cloud, to_region)
        ) WITHOUT ROWID;

        CREATE TABLE spot_bands (
            version        INTEGER NOT NULL REFERENCES price_books (version),
            cloud          TEXT    NOT NULL,
            region         TEXT    NOT NULL,
            instance_type  TEXT    NOT NULL,
            band           INTEGER NOT NULL,
            PRIMARY KEY (version, cloud, region, instance_type)
        ) WITHOUT ROWID;

        -- Always per version (they are few); seq is the creation order the composer breaks ties with.
        CREATE TABLE price_overrides (
            version          INTEGER NOT NULL REFERENCES price_books (version),
            seq              INTEGER NOT NULL,
            id               TEXT    NOT NULL,
            cloud            TEXT    NULL,
            region           TEXT    NULL,
            instance_family  TEXT    NULL,
            instance_type    TEXT    NULL,
            capacity_type    TEXT    NULL,
            kind             TEXT    NOT NULL CHECK (kind IN ('absolute', 'percentage')),
            value            TEXT    NOT NULL,
            comment          TEXT    NOT NULL,
            created_by       TEXT    NOT NULL,
            created_at       TEXT    NOT NULL,
            PRIMARY KEY (version, id),
            UNIQUE (version, seq)
        );
        """;
}
