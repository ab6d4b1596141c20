namespace PlacementEngine.Grains;

/// <summary>
/// Whether the scheduler grain is active on this silo, so changes made here need not be sent to it: its pending queue
/// is this silo's and heard of them directly. A change missed while the grain moves is caught by the queue's reload.
/// </summary>
public sealed class SchedulerPresence
{
    private volatile bool _isHere;

    public bool IsHere
    {
        get => _isHere;
        internal set => _isHere = value;
    }
}
