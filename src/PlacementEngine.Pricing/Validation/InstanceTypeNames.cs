namespace PlacementEngine.Pricing;

/// <summary>
/// What an instance type name may look like: "p4d.24xlarge", "n1-standard-8-t4x1", "Standard_NC4as_T4_v3". Letters,
/// digits and ._+- only, so a shifted column or binary noise is caught instead of becoming a price nobody can match.
/// </summary>
internal static class InstanceTypeNames
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= PriceLimits.MaxInstanceTypeLength && name.All(IsAllowed);

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+';
}
