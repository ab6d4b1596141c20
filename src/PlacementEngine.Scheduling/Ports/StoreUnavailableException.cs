namespace PlacementEngine.Scheduling;

/// <summary>
/// The store could not take or answer a call just now (a failed shared commit, a lost connection); nothing of a
/// write was stored, and the same call may be made again. The API answers it UNAVAILABLE, which clients retry.
/// </summary>
public class StoreUnavailableException : IOException
{
    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
