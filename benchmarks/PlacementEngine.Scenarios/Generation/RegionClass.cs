using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>The three residency groups scenarios are balanced over: US, EU/EEA, and everywhere else.</summary>
public enum RegionClass
{
    Us,
    Eu,
    Other,
}

public static class RegionClasses
{
    public static Jurisdiction Us { get; } = new("US");

    public static RegionClass Of(Jurisdiction jurisdiction) =>
        jurisdiction == Jurisdiction.Eu ? RegionClass.Eu : jurisdiction == Us ? RegionClass.Us : RegionClass.Other;
}
