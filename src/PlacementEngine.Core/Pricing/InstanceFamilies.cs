namespace PlacementEngine.Core;

/// <summary>
/// The family of an instance type: its name without the size, so that one override can cover every size
/// of a family. Each cloud spells sizes its own way, so the rule is per cloud:
/// <list type="bullet">
/// <item>AWS: the part before the first '.': p4d.24xlarge -> p4d, p6-b200.48xlarge -> p6-b200.</item>
/// <item>GCP: the series and class, the first two '-' parts: a2-highgpu-8g -> a2-highgpu, c3-standard-4-lssd -> c3-standard.
/// A two-part shared-core name (e2-micro) is a family of its own.</item>
/// <item>Azure: the tier, '_', and the series letters before the vCPU count: Standard_ND96asr_v4 -> Standard_ND,
/// Standard_NC24ads_A100_v4 -> Standard_NC. Generations and GPU models are not part of the family; select
/// those by instance type.</item>
/// <item>On-prem: no shared naming convention, so the whole name.</item>
/// </list>
/// A name that does not follow its cloud's pattern is a family of its own. Families compare case-insensitively.
/// </summary>
public static class InstanceFamilies
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Of(Cloud cloud, string instanceType) => cloud switch
    {
        Cloud.Aws => BeforeFirst(instanceType, '.'),
        Cloud.Gcp => FirstTwoParts(instanceType),
        Cloud.Azure => TierAndSeriesLetters(instanceType),
        _ => instanceType,
    };

    private static string BeforeFirst(string name, char separator)
    {
        var at = name.IndexOf(separator, StringComparison.Ordinal);
        return at > 0 ? name[..at] : name;
    }

    private static string FirstTwoParts(string name)
    {
        var first = name.IndexOf('-', StringComparison.Ordinal);
        if (first <= 0)
        {
            return name;
        }
        var second = name.IndexOf('-', first + 1);
        return second > first + 1 ? name[..second] : name;
    }

    private static string TierAndSeriesLetters(string name)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0)
        {
            return name;
        }
        var end = underscore + 1;
        while (end < name.Length && char.IsAsciiLetter(name[end]))
        {
            end++;
        }
        // Letters right up to the end or to another '_' means there was no size to drop (e.g. "Basic_A"): keep the name.
        return end > underscore + 1 && end < name.Length && char.IsAsciiDigit(name[end]) ? name[..end] : name;
    }
}
