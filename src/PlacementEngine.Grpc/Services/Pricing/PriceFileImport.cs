using PlacementEngine.Pricing;

namespace PlacementEngine.Grpc.Services;

/// <summary>One received price file and what the admin said about it.</summary>
/// <param name="Content">The whole file, as received; <see cref="PriceImportRequest.FileName"/> names it.</param>
/// <param name="By">Who imports it, recorded with the version.</param>
/// <param name="Activate">False stores the version without making it active.</param>
internal sealed record PriceFileImport(ArraySegment<byte> Content, PriceImportRequest Request, string By, string Comment, bool Activate)
{
    /// <summary>Validate and diff against the active version only; nothing is stored.</summary>
    public bool DryRun { get; init; }

    public string FileName => Request.FileName ?? "";

    /// <summary>Read-only and seekable, so the importer can look at the file's head before parsing.</summary>
    public MemoryStream OpenContent() => new(Content.Array ?? [], Content.Offset, Content.Count, writable: false);
}
