using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Tests.GroupCommit;

/// <summary>
/// A write that holds the writer inside its batch until released. Writes queued meanwhile all wait for the next
/// batch, so a test knows exactly which writes share a commit.
/// </summary>
internal sealed class WriterPlug
{
    private readonly TaskCompletionSource _inside = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<int> _write = Task.FromResult(0);

    /// <summary>Returns once the writer is running the plug.</summary>
    public static async Task<WriterPlug> InsertAsync(Func<Func<SqliteTransaction, Task<int>>, Task<int>> write)
    {
        var plug = new WriterPlug();
        plug._write = write(async _ =>
        {
            plug._inside.SetResult();
            await plug._release.Task;
            return 0;
        });
        await plug._inside.Task;
        return plug;
    }

    /// <summary>Lets the writer go on and waits for the plug's own batch to commit.</summary>
    public Task ReleaseAsync()
    {
        _release.TrySetResult();
        return _write;
    }
}
