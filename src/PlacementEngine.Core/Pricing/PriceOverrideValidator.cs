using System.Text.RegularExpressions;

namespace PlacementEngine.Core;

/// <summary>
/// Checks an override before it is stored, reporting every bad field. The bounds keep every composed price
/// non-negative (a percentage below -100 would make prices negative) and catch typos that would price a node
/// absurdly.
/// </summary>
public static partial class PriceOverrideValidator
{
    public const decimal MinPercentage = -100m;
    public const decimal MaxPercentage = 1000m;
    public const decimal MaxAbsoluteHourly = 1_000_000m;
    public const int MaxIdLength = 64;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    public static IReadOnlyList<FieldError> Validate(PriceOverride candidate)
    {
        var errors = new List<FieldError>();
        if (candidate.Id.Length == 0 || candidate.Id.Length > MaxIdLength || !IdPattern().IsMatch(candidate.Id))
        {
            errors.Add(new("override.id", $"'{candidate.Id}' must be 1-{MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        ValidateSelector(candidate.Selector, errors);
        ValidateValue(candidate, errors);
        if (string.IsNullOrWhiteSpace(candidate.CreatedBy))
        {
            errors.Add(new("override.created_by", "who made the override is required"));
        }
        return errors;
    }

    private static void ValidateSelector(OverrideSelector selector, List<FieldError> errors)
    {
        if (selector.Cloud is { } cloud && !Enum.IsDefined(cloud))
        {
            errors.Add(new("override.selector.cloud", $"{(int)cloud} is not a known cloud"));
        }
        if (selector.CapacityType is { } capacity && !Enum.IsDefined(capacity))
        {
            errors.Add(new("override.selector.capacity_type", $"{(int)capacity} is not a known capacity type"));
        }
        CheckName("override.selector.region", selector.Region, "region", errors);
        CheckName("override.selector.instance_family", selector.InstanceFamily, "instance family", errors);
        CheckName("override.selector.instance_type", selector.InstanceType, "instance type", errors);

        if (selector is { Cloud: { } known, InstanceFamily: { } family, InstanceType: { } type }
            && Enum.IsDefined(known)
            && !InstanceFamilies.Comparer.Equals(InstanceFamilies.Of(known, type), family))
        {
            errors.Add(new("override.selector.instance_family",
                $"instance type '{type}' is in family '{InstanceFamilies.Of(known, type)}', not '{family}', so the selector would match nothing"));
        }
    }

    private static void CheckName(string field, string? value, string what, List<FieldError> errors)
    {
        if (value is null)
        {
            return;
        }
        if (value.Trim().Length == 0)
        {
            errors.Add(new(field, $"a blank {what} matches nothing; leave it out to match every {what}"));
        }
        else if (value.Trim().Length != value.Length)
        {
            errors.Add(new(field, $"'{value}' has leading or trailing spaces"));
        }
    }

    private static void ValidateValue(PriceOverride candidate, List<FieldError> errors)
    {
        switch (candidate.Kind)
        {
            case OverrideKind.Absolute when candidate.Value < 0m || candidate.Value > MaxAbsoluteHourly:
                errors.Add(new("override.value", $"an absolute price must be between 0 and {MaxAbsoluteHourly} dollars per node-hour, not {candidate.Value}"));
                break;
            case OverrideKind.Percentage when candidate.Value < MinPercentage:
                errors.Add(new("override.value", $"{candidate.Value}% would make prices negative; a percentage must be between {MinPercentage} and {MaxPercentage}"));
                break;
            case OverrideKind.Percentage when candidate.Value > MaxPercentage:
                errors.Add(new("override.value", $"{candidate.Value}% is more than {MaxPercentage}%; a percentage must be between {MinPercentage} and {MaxPercentage}"));
                break;
            case OverrideKind.Absolute or OverrideKind.Percentage:
                break;
            default:
                errors.Add(new("override.kind", $"{(int)candidate.Kind} is not a known kind; use absolute or percentage"));
                break;
        }
    }
}
