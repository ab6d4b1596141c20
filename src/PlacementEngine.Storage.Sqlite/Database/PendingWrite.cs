using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// One caller's write waiting for the group commit. Its caller may withdraw it while it waits (its token);
/// once the writer has started it, it ends only with the batch: a result after the commit, or an error.
/// </summary>
internal abstract class PendingWrite
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Withdrawn = 2;
    private int _state;

    /// <summary>False when the caller withdrew the write before the writer reached it; it is then skipped.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Runs the caller's work inside the batch's transaction and keeps its result until the commit.</summary>
    public abstract Task ApplyAsync(SqliteTransaction transaction);

    /// <summary>The commit is durable: the caller gets its result.</summary>
    public abstract void Acknowledge();

    /// <summary>Ends the write with <paramref name="error"/> unless it has already ended.</summary>
    public abstract void Fail(Exception error);

    protected bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued;
}

internal sealed class PendingWrite<T> : PendingWrite
{
    private readonly Func<SqliteTransaction, Task<T>> _work;
    // Asynchronous continuations: the caller's code must never run on (and hold up) the writer.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _withdrawal;
    private T _result = default!;

    public PendingWrite(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        _work = work;
        _withdrawal = cancellationToken.Register(() =>
        {
            if (TryWithdraw())
            {
                _completion.TrySetCanceled(cancellationToken);
            }
        });
    }

    public Task<T> Task => _completion.Task;

    public override async Task ApplyAsync(SqliteTransaction transaction) => _result = await _work(transaction).ConfigureAwait(false);

    public override void Acknowledge()
    {
        _withdrawal.Dispose();
        _completion.TrySetResult(_result);
    }

    public override void Fail(Exception error)
    {
        _withdrawal.Dispose();
        if (error is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}
