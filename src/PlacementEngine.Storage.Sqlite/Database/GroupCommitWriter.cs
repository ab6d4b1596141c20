using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// Group commit: one loop owns the writer connection and applies every write queued while the previous commit
/// was syncing in one transaction, each in its own savepoint, then commits once. A durable commit costs one
/// sync of the log whatever it holds, so many concurrent writes share it instead of queuing for one each.
/// </summary>
internal sealed class GroupCommitWriter
{
    // Bounds how long the first write of a batch waits behind the others (and a batch's memory).
    private const int MaxBatch = 1024;
    private const string Savepoint = "pending_write";

    private readonly SqliteConnection _connection;
    private readonly Channel<PendingWrite> _queue =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _commits;

    public GroupCommitWriter(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the next batch. The task ends once the batch's commit is durable, or
    /// with the write's own error, or with <see cref="StoreWriteException"/> when the batch could not be stored.
    /// Canceling while the write still waits withdraws it; once started it ends with its batch.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(SqliteDatabase), $"the store on {_connection.DataSource} is closed"));
        }
        return pending.Task;
    }

    /// <summary>Transactions committed so far, however many writes each held.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Takes no more writes and waits until every queued one has been committed or failed.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (next.TryStart())
                {
                    batch.Add(next);
                }
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    /// <summary>Ends every write of the batch; never throws, so that the loop outlives any failure.</summary>
    private async Task CommitAsync(List<PendingWrite> batch)
    {
        SqliteTransaction transaction;
        try
        {
            // IMMEDIATE: the write lock up front, so a read inside a write can never fail to upgrade.
            transaction = _connection.BeginTransaction(deferred: false);
        }
        catch (Exception ex)
        {
            FailAll(batch, ex);
            return;
        }

        var applied = new List<PendingWrite>(batch.Count);
        try
        {
            foreach (var write in batch)
            {
                if (await TryApplyAsync(transaction, write).ConfigureAwait(false) is { } lost)
                {
                    // SQLite dropped the whole transaction with this write (an I/O error, a full disk): nothing of the batch is kept.
                    FailAll(batch, lost);
                    return;
                }
                applied.Add(write);
            }
            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception ex)
        {
            FailAll(batch, ex);
            return;
        }
        finally
        {
            DisposeQuietly(transaction);
        }
        foreach (var write in applied)
        {
            write.Acknowledge();
        }
    }

    /// <summary>
    /// Applies one write in a savepoint. A write that throws is rolled back to its savepoint and fails alone;
    /// returns its error only when the transaction itself is gone with it.
    /// </summary>
    private static async Task<Exception?> TryApplyAsync(SqliteTransaction transaction, PendingWrite write)
    {
        transaction.Save(Savepoint);
        try
        {
            await write.ApplyAsync(transaction).ConfigureAwait(false);
            transaction.Release(Savepoint);
            return null;
        }
        catch (Exception ex)
        {
            write.Fail(ex);
            return TryRollBackTo(transaction) ? null : ex;
        }
    }

    private static bool TryRollBackTo(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            return true;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // No such savepoint, or the transaction has completed: SQLite rolled it all back.
            return false;
        }
    }

    /// <summary>Writes that already failed on their own keep their own error.</summary>
    private void FailAll(IEnumerable<PendingWrite> writes, Exception cause)
    {
        var error = new StoreWriteException(
            $"the write was not stored: the transaction on {_connection.DataSource} failed ({cause.Message}); nothing of it was written", cause);
        foreach (var write in writes)
        {
            write.Fail(error);
        }
    }

    private static void DisposeQuietly(SqliteTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // Rolling back a transaction SQLite already ended; its writes have had their answer.
        }
    }
}
