using System.Text;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>
/// The <c>grpc-message</c> encoding: UTF-8, with every byte outside printable ASCII (0x20-0x7E) and '%' itself
/// written as %XX. Decoding is lenient as the spec requires: a malformed escape is kept as literal text.
/// </summary>
public static class GrpcStatusMessage
{
    public static string Encode(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!NeedsEncoding(message))
        {
            return message;
        }
        var builder = new StringBuilder(message.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }
        return builder.ToString();
    }

    public static string Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || !encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded ?? "";
        }
        var decoded = new StringBuilder(encoded.Length);
        // Escapes collect here and are decoded together, since one character may span several escaped bytes.
        var pending = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && TryHex(encoded[i + 1], out var high) && TryHex(encoded[i + 2], out var low))
            {
                pending.Add((byte)((high << 4) | low));
                i += 2;
                continue;
            }
            Flush(pending, decoded);
            // Anything else, including raw non-ASCII from a lax peer, is kept as it came.
            decoded.Append(encoded[i]);
        }
        Flush(pending, decoded);
        return decoded.ToString();
    }

    private static void Flush(List<byte> pending, StringBuilder decoded)
    {
        if (pending.Count > 0)
        {
            decoded.Append(Encoding.UTF8.GetString(pending.ToArray()));
            pending.Clear();
        }
    }

    private static bool NeedsEncoding(string message)
    {
        foreach (var c in message)
        {
            if (c > 0x7E || !IsUnreserved((byte)c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnreserved(byte b) => b is >= 0x20 and <= 0x7E && b != (byte)'%';

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
