using PlacementEngine.Pricing;

namespace PlacementEngine.Grpc.Services;

/// <summary>One price file on its way in, and what the admin said about it.</summary>
/// <param name="By">Who imports it, recorded with the version.</param>
/// <param name="Activate">False stores the version without making it active.</param>
/// <param name="AnnouncedBytes">The file's size as the client announced it; 0 when it did not.</param>
internal sealed record PriceFileImport(PriceImportRequest Request, string By, string Comment, bool Activate, long AnnouncedBytes)
{
    /// <summary>Validate and diff against the active version only; nothing is stored.</summary>
    public bool DryRun { get; init; }

    public string FileName => Request.FileName ?? "";
}
