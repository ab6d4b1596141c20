using System.Globalization;
using System.Text;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>grpc-message as it travels: percent-encoded UTF-8, every byte outside printable ASCII, and '%', as %XX.</summary>
internal static class StatusMessageEncoding
{
    public static string Encode(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var text = new StringBuilder(detail.Length);
        foreach (var b in Encoding.UTF8.GetBytes(detail))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }
}
