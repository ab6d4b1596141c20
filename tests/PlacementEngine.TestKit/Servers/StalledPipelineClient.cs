using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace PlacementEngine.TestKit.Servers;

/// <summary>
/// A PostgreSQL client that runs statements in a transaction and then stops before the pipeline's Sync, as a silo
/// frozen mid-commit does. Hand-written on the wire protocol: Npgsql always ends what it sends with a Sync.
/// Trust authentication only (the test server's).
/// </summary>
public sealed class StalledPipelineClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private StalledPipelineClient(TcpClient tcp) => _tcp = tcp;

    private NetworkStream Stream => _tcp.GetStream();

    /// <summary>The server process serving this session.</summary>
    public int BackendPid { get; private set; }

    /// <summary>
    /// Connects, begins a transaction, runs <paramref name="sql"/> and stops without the Sync that would end the
    /// pipeline; unless <paramref name="readResult"/>, also without reading the result (so a large one leaves the
    /// server blocked sending it).
    /// </summary>
    public static async Task<StalledPipelineClient> StallAfterAsync(string connectionString, string applicationName, string sql, bool readResult = true)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var tcp = new TcpClient();
        var client = new StalledPipelineClient(tcp);
        try
        {
            await tcp.ConnectAsync(settings.Host!, settings.Port).ConfigureAwait(false);
            await client.SendAsync(Framed([0, 3, 0, 0, .. CString("user"), .. CString(settings.Username!), .. CString("database"),
                .. CString(settings.Database!), .. CString("application_name"), .. CString(applicationName), 0])).ConfigureAwait(false);
            client.BackendPid = await client.ReadUntilAsync('Z').ConfigureAwait(false);
            await client.SendAsync(Message('Q', CString("BEGIN"))).ConfigureAwait(false);
            await client.ReadUntilAsync('Z').ConfigureAwait(false);
            // Parse, Bind, Execute and Flush (so the result comes back), but no Sync: the backend waits for more.
            await client.SendAsync([
                .. Message('P', [.. CString(""), .. CString(sql), 0, 0]),
                .. Message('B', [.. CString(""), .. CString(""), 0, 0, 0, 0, 0, 0]),
                .. Message('E', [.. CString(""), 0, 0, 0, 0]),
                .. Message('H', []),
            ]).ConfigureAwait(false);
            if (readResult)
            {
                await client.ReadUntilAsync('C').ConfigureAwait(false);
            }
            return client;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>True once the server has closed the session (it sends its reason, then the end of the stream).</summary>
    public async Task<bool> WasEndedAsync()
    {
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await Stream.ReadAsync(buffer, patience.Token).ConfigureAwait(false) > 0)
            {
            }
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return e is IOException;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(byte[] bytes) => await Stream.WriteAsync(bytes).ConfigureAwait(false);

    /// <summary>Reads messages up to one of type <paramref name="type"/>; returns the backend's pid when BackendKeyData was among them (at start-up), else 0.</summary>
    private async Task<int> ReadUntilAsync(char type)
    {
        var pid = 0;
        while (true)
        {
            var header = new byte[5];
            await Stream.ReadExactlyAsync(header).ConfigureAwait(false);
            var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
            await Stream.ReadExactlyAsync(body).ConfigureAwait(false);
            switch ((char)header[0])
            {
                case 'E':
                    throw new InvalidOperationException("the server refused: " + Encoding.UTF8.GetString(body).Replace('\0', ' '));
                case 'K':
                    pid = BinaryPrimitives.ReadInt32BigEndian(body);
                    break;
                case var t when t == type:
                    return pid;
            }
        }
    }

    private static byte[] Message(char type, byte[] body) => [(byte)type, .. Framed(body)];

    /// <summary>The body behind its length, which counts itself: the start-up message is this alone, the others follow a type byte.</summary>
    private static byte[] Framed(byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length + 4);
        return [.. length, .. body];
    }

    private static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];
}
