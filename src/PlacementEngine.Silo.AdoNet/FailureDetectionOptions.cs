using Orleans.Configuration;

namespace PlacementEngine.Silo.AdoNet;

/// <summary>
/// How fast a silo cluster on PostgreSQL notices a dead or hung silo. Orleans' defaults take about 12 s for a killed
/// silo and about 66 s for a hung one; these defaults bring both down to a few seconds on a LAN.
/// </summary>
public sealed class FailureDetectionOptions
{
    /// <summary>Orleans' default is 5 s; 1 s declares a killed silo dead in about 1.3 s (three missed probes).</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinProbeTimeout = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Orleans' default (3): fewer would let one slow garbage collection declare a healthy silo dead.</summary>
    public const int DefaultMissedProbesLimit = 3;

    /// <summary>
    /// Orleans' default is 60 s. Membership changes travel by gossip at once; the periodic re-read only matters when
    /// gossip is lost, and 10 s keeps that rare case bounded at a cost of one small query per silo every 10 s.
    /// </summary>
    public static readonly TimeSpan DefaultTableRefreshTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The initial probe timeout; Orleans adapts it per silo between half and four times this value.</summary>
    public TimeSpan ProbeTimeout { get; set; } = DefaultProbeTimeout;

    /// <summary>Missed probes before a silo suspects another; between 1 and 10.</summary>
    public int MissedProbesLimit { get; set; } = DefaultMissedProbesLimit;

    /// <summary>
    /// Off by default: with it on, recent traffic on a connection suppresses votes, and a hung (SIGSTOP) silo whose
    /// socket still holds buffered messages took about 66 s to be declared dead instead of about 2 s.
    /// </summary>
    public bool EnableConnectionLivenessCheck { get; set; }

    /// <summary>Period of the full membership table re-read; between 1 s and 10 min.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = DefaultTableRefreshTimeout;

    /// <summary>Every bad value, each naming its option; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ProbeTimeout < MinProbeTimeout || ProbeTimeout > MaxProbeTimeout)
        {
            errors.Add($"ProbeTimeout: {ProbeTimeout} is out of range {MinProbeTimeout} to {MaxProbeTimeout}");
        }
        if (MissedProbesLimit is < 1 or > 10)
        {
            errors.Add($"MissedProbesLimit: {MissedProbesLimit} is out of range 1 to 10");
        }
        if (TableRefreshTimeout < TimeSpan.FromSeconds(1) || TableRefreshTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"TableRefreshTimeout: {TableRefreshTimeout} is out of range 00:00:01 to 00:10:00");
        }
        return errors;
    }

    internal void ApplyTo(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = ProbeTimeout;
        membership.NumMissedProbesLimit = MissedProbesLimit;
        membership.EnableConnectionLivenessCheck = EnableConnectionLivenessCheck;
        membership.TableRefreshTimeout = TableRefreshTimeout;
    }
}
