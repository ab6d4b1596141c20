using System.Text;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>
/// Where a listing stopped: the (created_at, id) of the last job returned, which the next page starts after.
/// Keyset paging rather than an offset, so jobs submitted or finishing between pages neither repeat nor skip
/// the ones already listed. Opaque to clients: base64url of a versioned text.
/// </summary>
internal readonly record struct PageToken(DateTimeOffset CreatedAt, JobId Id)
{
    private const string Prefix = "v1|";
    private const string NotIssuedHere = "the page token is not one this server issued; start again with an empty token";

    public static PageToken After(Job job) => new(job.CreatedAt, job.Id);

    public string Encode()
    {
        var text = $"{Prefix}{StoredText.FormatInstant(CreatedAt)}|{Id.Value}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Null for the empty token (the first page); throws <see cref="ArgumentException"/> for anything not made by <see cref="Encode"/>.</summary>
    public static PageToken? Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var parts = text.Split('|');
            if (parts.Length == 3 && parts[0] + "|" == Prefix && parts[2].Length > 0)
            {
                return new PageToken(StoredText.ParseInstant(parts[1]), new JobId(parts[2]));
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new ArgumentException(NotIssuedHere, nameof(token), e);
        }
        throw new ArgumentException(NotIssuedHere, nameof(token));
    }
}
