namespace PlacementEngine.Storage.Postgres.Schema;

/// <summary>
/// What each team's ended attempts cost, so a cycle reads a team's spend from one row instead of summing every
/// attempt ever made, a sum that grew with the store's history. A trigger keeps it, not the writers: a silo of the
/// previous build still running during a rolling upgrade ends attempts too, and its ends must count. The attempts
/// table is locked while the step fills the table, so no end slips between the fill and the trigger.
/// </summary>
internal static class Migration0003TeamSpend
{
    public const string Sql = """
        LOCK TABLE attempts IN SHARE ROW EXCLUSIVE MODE;

        CREATE TABLE team_spend (
            team        text    NOT NULL PRIMARY KEY,
            ended_cost  numeric NOT NULL
        );

        INSERT INTO team_spend (team, ended_cost)
        SELECT j.team, SUM(a.actual_cost) FROM attempts a JOIN jobs j ON j.id = a.job_id
        WHERE a.ended_at IS NOT NULL
        GROUP BY j.team;

        CREATE FUNCTION add_ended_attempt_to_team_spend() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            INSERT INTO team_spend (team, ended_cost)
            SELECT j.team, NEW.actual_cost FROM jobs j WHERE j.id = NEW.job_id
            ON CONFLICT (team) DO UPDATE SET ended_cost = team_spend.ended_cost + EXCLUDED.ended_cost;
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER attempts_ended_add_to_team_spend
            AFTER UPDATE OF ended_at ON attempts
            FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
            EXECUTE FUNCTION add_ended_attempt_to_team_spend();
        """;
}
