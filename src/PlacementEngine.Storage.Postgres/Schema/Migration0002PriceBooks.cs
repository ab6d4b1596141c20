namespace PlacementEngine.Storage.Postgres.Schema;

/// <summary>
/// Price books, as in the embedded store: immutable versions, an active pointer, an activation log. A version
/// that only changed overrides borrows the rows of an earlier version (rows_version) instead of copying them.
/// </summary>
internal static class Migration0002PriceBooks
{
    public const string Sql = """
        CREATE TABLE price_books (
            version         bigint      NOT NULL PRIMARY KEY CHECK (version >= 1),
            created_by      text        NOT NULL,
            created_at      timestamptz NOT NULL,
            comment         text        NOT NULL,
            source          text        NOT NULL,
            price_count     integer     NOT NULL CHECK (price_count >= 0),
            override_count  integer     NOT NULL CHECK (override_count >= 0),
            rows_version    bigint      NOT NULL REFERENCES price_books (version),
            CHECK (rows_version <= version)
        );

        -- At most one row: the version the scheduler uses.
        CREATE TABLE price_book_active (
            singleton     integer     NOT NULL PRIMARY KEY CHECK (singleton = 1),
            version       bigint      NOT NULL REFERENCES price_books (version),
            activated_by  text        NOT NULL,
            activated_at  timestamptz NOT NULL
        );

        CREATE TABLE price_book_activations (
            seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            version       bigint      NOT NULL REFERENCES price_books (version),
            activated_by  text        NOT NULL,
            activated_at  timestamptz NOT NULL
        );

        CREATE TABLE prices (
            version        bigint  NOT NULL REFERENCES price_books (version),
            cloud          text COLLATE "C" NOT NULL,
            region         text COLLATE "C" NOT NULL,
            instance_type  text COLLATE "C" NOT NULL,
            capacity_type  text COLLATE "C" NOT NULL,
            hourly         numeric NOT NULL,
            PRIMARY KEY (version, cloud, region, instance_type, capacity_type)
        );

        CREATE TABLE egress (
            version      bigint  NOT NULL REFERENCES price_books (version),
            from_cloud   text COLLATE "C" NOT NULL,
            from_region  text COLLATE "C" NOT NULL,
            to_cloud     text COLLATE "C" NOT NULL,
            to_region    text COLLATE "C" NOT NULL,
            per_gb       numeric NOT NULL,
            PRIMARY KEY (version, from_cloud, from_region, to_cloud, to_region)
        );

        CREATE TABLE spot_bands (
            version        bigint  NOT NULL REFERENCES price_books (version),
            cloud          text COLLATE "C" NOT NULL,
            region         text COLLATE "C" NOT NULL,
            instance_type  text COLLATE "C" NOT NULL,
            band           integer NOT NULL,
            PRIMARY KEY (version, cloud, region, instance_type)
        );

        -- seq is the creation order the composer breaks ties with.
        CREATE TABLE price_overrides (
            version          bigint      NOT NULL REFERENCES price_books (version),
            seq              integer     NOT NULL,
            id               text        NOT NULL,
            cloud            text        NULL,
            region           text        NULL,
            instance_family  text        NULL,
            instance_type    text        NULL,
            capacity_type    text        NULL,
            kind             text        NOT NULL CHECK (kind IN ('absolute', 'percentage')),
            value            numeric     NOT NULL,
            comment          text        NOT NULL,
            created_by       text        NOT NULL,
            created_at       timestamptz NOT NULL,
            PRIMARY KEY (version, id),
            UNIQUE (version, seq)
        );
        """;
}
