using System.Text;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>
/// Where a listing stopped: the (created_at, id) of the last job returned, which the next page starts after.
/// Keyset paging rather than an offset, so jobs submitted or finishing between pages neither repeat nor skip
/// the ones already listed. Opaque to clients: base64url of a versioned text, which ends in "|newest" for a
/// newest-first listing so a token cannot continue a listing in the other order.
/// </summary>
internal readonly record struct PageToken(DateTimeOffset CreatedAt, JobId Id, bool NewestFirst)
{
    private const string Prefix = "v1|";
    private const string NewestFirstMark = "newest";
    private const string NotIssuedHere = "the page token is not one this server issued; start again with an empty token";

    public static PageToken After(Job job, bool newestFirst) => new(job.CreatedAt, job.Id, newestFirst);

    public string Encode()
    {
        var text = $"{Prefix}{StoredText.FormatInstant(CreatedAt)}|{Id.Value}" + (NewestFirst ? "|" + NewestFirstMark : "");
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
            var newestFirst = parts.Length == 4 && parts[3] == NewestFirstMark;
            if ((parts.Length == 3 || newestFirst) && parts[0] + "|" == Prefix && parts[2].Length > 0)
            {
                return new PageToken(StoredText.ParseInstant(parts[1]), new JobId(parts[2]), newestFirst);
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new ArgumentException(NotIssuedHere, nameof(token), e);
        }
        throw new ArgumentException(NotIssuedHere, nameof(token));
    }
}
