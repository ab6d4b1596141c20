namespace PlacementEngine.Grains;

/// <summary>
/// Whether this silo is still a member of the cluster, so that it may act on the outside world for its grains. A silo
/// that hung (SIGSTOP, a frozen VM) may have been declared dead, and its grains activated elsewhere, without knowing it:
/// on waking its timers fire at once. A confirmation older than <see cref="Freshness"/> is renewed by reading the
/// membership table, where a silo that finds itself dead stops its process (Orleans' own rule).
/// </summary>
internal sealed class SiloMembership(IClusterMembershipService membership, ILocalSiloDetails silo, TimeProvider time) : IDisposable
{
    /// <summary>
    /// Shorter than the quickest declaration of death (three missed probes of at least half a second each): a silo
    /// confirmed Active this recently has not yet been replaced. At most one small read a second per dispatching silo.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _confirmedAt = long.MinValue;

    public async ValueTask<bool> IsActiveAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return true;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh())
            {
                return true;
            }
            // Stamped before the read: what the read confirms holds from no earlier than now.
            var started = time.GetTimestamp();
            // The default version asks for one read of the table whatever the version held (a higher one would poll until the table changes).
            await membership.Refresh(default, cancellationToken).ConfigureAwait(false);
            if (membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) != SiloStatus.Active)
            {
                return false;
            }
            Volatile.Write(ref _confirmedAt, started);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh() =>
        _confirmedAt != long.MinValue && time.GetElapsedTime(Volatile.Read(ref _confirmedAt)) < Freshness;

    public void Dispose() => _gate.Dispose();
}
