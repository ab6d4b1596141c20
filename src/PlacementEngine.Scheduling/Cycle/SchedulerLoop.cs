namespace PlacementEngine.Scheduling;

/// <summary>Runs the cycle periodically and soon after a trigger (a submission, freed capacity, a failover).</summary>
public sealed class SchedulerLoop(SchedulingCycle cycle, AsyncSignal trigger, SchedulerOptions options, TimeProvider time, Action<Exception> onError)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await cycle.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed cycle changes nothing (its commit is one transaction); the next one starts from a fresh snapshot.
                onError(ex);
            }
            if (await trigger.WaitAsync(options.CycleInterval, time, cancellationToken).ConfigureAwait(false) && options.BatchWindow > TimeSpan.Zero)
            {
                await Task.Delay(options.BatchWindow, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
