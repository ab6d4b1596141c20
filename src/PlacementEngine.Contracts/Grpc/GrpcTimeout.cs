using System.Globalization;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>
/// The <c>grpc-timeout</c> header: at most 8 ASCII digits and one unit (H hours, M minutes, S seconds,
/// m milliseconds, u microseconds, n nanoseconds).
/// </summary>
public static class GrpcTimeout
{
    public const int MaxDigits = 8;
    private const long MaxValue = 99_999_999;

    // Finest unit first, so formatting keeps as much precision as 8 digits allow.
    private static readonly (char Unit, long Nanoseconds)[] Units =
    [
        ('n', 1L),
        ('u', 1_000L),
        ('m', 1_000_000L),
        ('S', 1_000_000_000L),
        ('M', 60_000_000_000L),
        ('H', 3_600_000_000_000L),
    ];

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }
        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var nanosPerUnit = Array.Find(Units, u => u.Unit == value[^1]).Nanoseconds;
        if (nanosPerUnit == 0)
        {
            return false;
        }
        // 99,999,999 hours is about 4.2 million days, inside TimeSpan's range; ticks are 100 ns, rounded up.
        var ticks = nanosPerUnit >= TimeSpan.NanosecondsPerTick
            ? amount * (nanosPerUnit / TimeSpan.NanosecondsPerTick)
            : (amount * nanosPerUnit + TimeSpan.NanosecondsPerTick - 1) / TimeSpan.NanosecondsPerTick;
        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>The timeout in the finest unit that fits 8 digits, rounded up so the peer never gives up first.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            // Already expired: the smallest expressible timeout makes the server answer DEADLINE_EXCEEDED at once.
            return "1n";
        }
        var nanoseconds = (decimal)timeout.Ticks * TimeSpan.NanosecondsPerTick;
        foreach (var (unit, nanosPerUnit) in Units)
        {
            var amount = decimal.Ceiling(nanoseconds / nanosPerUnit);
            if (amount <= MaxValue)
            {
                return amount.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
