using System.IO.Pipelines;
using System.Text;

namespace PlacementEngine.Pricing.Tests;

/// <summary>A file parsed while it arrives, as the server feeds it the chunks of an ImportPrices call.</summary>
public sealed class PriceImporterStreamingTests
{
    private const int RowsInFirstChunk = 5000;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ImportAsync_FileInChunks_ParsesBeforeTheLastChunkAndNumbersARowSplitAcrossChunks()
    {
        var pipe = new Pipe();
        var progress = new WaitableProgress();
        var rows = new StringBuilder("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\n");
        for (var i = 0; i < RowsInFirstChunk; i++)
        {
            rows.Append($"gcp,us-central1,n2-custom-{i},0.20,0.05,\n");
        }
        // The last row is cut inside its price: the chunk boundary falls between "12" and "x.5".
        var badLine = RowsInFirstChunk + 3;
        var first = rows + "gcp,us-central1,n2-split,12";
        const string Second = "x.5,1.0,\ngcp,us-central1,n2-after,1.5,0.5,\n";

        var importing = PriceImporter.ImportAsync(pipe.Reader, SharedCatalogs.Request(), active: null, progress);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(first));

        // Rows are parsed while the rest of the file has not arrived: the import never waits for the whole file.
        await progress.RowsReadAsync(4096).WaitAsync(Generous);
        Assert.False(importing.IsCompleted);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Second));
        await pipe.Writer.CompleteAsync();
        var result = await importing.WaitAsync(Generous);

        Imports.HasProblemAt(result, badLine, "on_demand_usd");
        Assert.Equal(RowsInFirstChunk + 4, result.Counts.RowsRead);
        Assert.Single(result.Problems);
    }

    [Fact]
    public async Task ImportAsync_EmptyFile_RejectedOnLine0()
    {
        var pipe = new Pipe();
        await pipe.Writer.CompleteAsync();

        var result = await PriceImporter.ImportAsync(pipe.Reader, SharedCatalogs.Request(), active: null).WaitAsync(Generous);

        Imports.HasProblemAt(result, 0, "empty");
    }

    private sealed class WaitableProgress : IProgress<ImportProgress>
    {
        private readonly Lock _gate = new();
        private readonly List<(long Rows, TaskCompletionSource Reached)> _waiting = [];
        private long _rows;

        public void Report(ImportProgress value)
        {
            lock (_gate)
            {
                _rows = value.RowsRead;
                _waiting.Where(w => w.Rows <= _rows).ToList().ForEach(w => w.Reached.TrySetResult());
            }
        }

        public Task RowsReadAsync(long rows)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_rows >= rows)
                {
                    reached.SetResult();
                }
                _waiting.Add((rows, reached));
                return reached.Task;
            }
        }
    }
}
