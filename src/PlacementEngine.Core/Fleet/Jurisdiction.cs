namespace PlacementEngine.Core;

/// <summary>The legal area data sits in: "EU" (EU and EEA), "UK", "CH", "US", "JP", ... derived from a country.</summary>
public readonly record struct Jurisdiction(string Code)
{
    // EU member states plus the EEA (Iceland, Liechtenstein, Norway): GDPR applies alike in all of them.
    private static readonly HashSet<string> EuropeanEconomicArea = new(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    };

    public static Jurisdiction Eu { get; } = new("EU");

    public static Jurisdiction ForCountry(string countryCode)
    {
        var code = countryCode.Trim().ToUpperInvariant();
        if (EuropeanEconomicArea.Contains(code))
        {
            return Eu;
        }
        return new Jurisdiction(code == "GB" ? "UK" : code);
    }

    public override string ToString() => Code;
}
