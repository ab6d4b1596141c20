using PlacementEngine.Pricing;

namespace PlacementEngine.Grpc.Services;

/// <summary>One committed upload and what the admin said about it.</summary>
/// <param name="By">Who imports it, recorded with the version.</param>
/// <param name="Activate">False stores the version without making it active.</param>
internal sealed record PriceFileImport(ImportUpload Upload, PriceImportRequest Request, string By, string Comment, bool Activate);
