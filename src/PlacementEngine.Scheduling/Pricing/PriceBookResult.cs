using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

public enum PriceBookErrorKind
{
    /// <summary>The version or override named does not exist.</summary>
    NotFound,

    /// <summary>The request has bad fields, each named in <see cref="PriceBookError.FieldErrors"/>.</summary>
    Invalid,

    /// <summary>The request is fine but the books are not in a state to take it, e.g. no version is active yet.</summary>
    FailedPrecondition,
}

/// <summary>Why a price book request did nothing; the books are exactly as they were.</summary>
public sealed record PriceBookError(PriceBookErrorKind Kind, string Message, IReadOnlyList<FieldError> FieldErrors)
{
    public static PriceBookError NotFound(string message) => new(PriceBookErrorKind.NotFound, message, []);

    public static PriceBookError FailedPrecondition(string message) => new(PriceBookErrorKind.FailedPrecondition, message, []);

    public static PriceBookError Invalid(IReadOnlyList<FieldError> errors) =>
        new(PriceBookErrorKind.Invalid, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);
}

/// <summary>A value, or the error that stopped the request. "No" is a normal result here, not an exception.</summary>
public sealed record PriceBookResult<T>
{
    internal PriceBookResult(T? value, PriceBookError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public PriceBookError? Error { get; }

    public bool Succeeded => Error is null;
}

public static class PriceBookResult
{
    public static PriceBookResult<T> Ok<T>(T value) => new(value, null);

    public static PriceBookResult<T> Fail<T>(PriceBookError error) => new(default, error);
}
