namespace PlacementEngine.Grains;

/// <summary>
/// Whether another silo may commit job changes: only then must they travel through job grains to reach this silo's
/// watches. A lone silo's changes reach them through its own <see cref="Scheduling.JobEventHub"/>, so a job's grain
/// is neither activated nor called for them: with a grain per job, that was an activation and a message per
/// transition of every job, watched or not.
/// </summary>
public sealed class SiloPeers(IClusterMembershipService membership, ILocalSiloDetails silo)
{
    /// <summary>
    /// True while the membership this silo holds lists another silo not known dead. A silo joining is seen within
    /// moments; a change committed before it is seen reaches that silo's watches at their next renewal, from the store.
    /// </summary>
    public bool Exist => membership.CurrentSnapshot.Members.Any(m => !m.Key.Equals(silo.SiloAddress) && m.Value.Status != SiloStatus.Dead);
}
