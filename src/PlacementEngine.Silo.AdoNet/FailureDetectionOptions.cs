using Orleans.Configuration;

namespace PlacementEngine.Silo.AdoNet;

/// <summary>
/// How fast a silo cluster on PostgreSQL notices a dead or hung silo. Measured with three silos on one machine: at
/// Orleans' defaults a killed silo was declared dead after 6-13 s and a hung (SIGSTOP) one after 61-68 s; with
/// these defaults after 1.5-2.5 s and 1.8-2.8 s, its grains answering from a survivor 0.1-0.4 s later.
/// </summary>
public sealed class FailureDetectionOptions
{
    /// <summary>
    /// Orleans' default is 5 s. Orleans stretches it per silo to the probe times it observes (up to four times) and
    /// while the prober itself is degraded, so a slow but live silo is given longer.
    /// </summary>
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
    /// Off by default: with it on, recent activity on a connection suppresses votes against its silo, and a hung
    /// (SIGSTOP) silo, whose connections stay open, took about 66 s to be declared dead instead of about 2 s.
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
