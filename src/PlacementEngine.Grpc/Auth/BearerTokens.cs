using System.Security.Cryptography;
using System.Text;

namespace PlacementEngine.Grpc.Auth;

/// <summary>
/// Maps bearer tokens to callers. Tokens are held as SHA-256 digests and every lookup compares against all of them
/// in constant time, so neither a token's content, its length nor its position in the file shows in response times.
/// </summary>
public sealed class BearerTokens
{
    private readonly (byte[] Digest, Caller Caller)[] _grants;

    public BearerTokens(IEnumerable<TokenGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        _grants = grants.Select(g => (Digest(g.Token), g.Caller)).ToArray();
    }

    /// <summary>Knows no token: every call that needs one is refused.</summary>
    public static BearerTokens None { get; } = new([]);

    public int Count => _grants.Length;

    /// <exception cref="TokenFileException">The file cannot be read or has problems; the message lists them all.</exception>
    public static BearerTokens FromFile(string path) => new(TokenFile.Load(path));

    /// <summary>The caller for a token, or null when the token is unknown.</summary>
    public Caller? Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var digest = Digest(token);
        Caller? found = null;
        foreach (var (known, caller) in _grants)
        {
            // No early exit: the loop takes as long for the first token as for the last.
            if (CryptographicOperations.FixedTimeEquals(digest, known))
            {
                found = caller;
            }
        }
        return found;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
