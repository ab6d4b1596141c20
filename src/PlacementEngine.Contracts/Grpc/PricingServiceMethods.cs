namespace PlacementEngine.Contracts.Grpc;

/// <summary>Full method names of placement.v1.PricingService (admin only).</summary>
public static class PricingServiceMethods
{
    public const string ServiceName = "placement.v1.PricingService";
    public const string BeginImport = "/" + ServiceName + "/BeginImport";
    public const string UploadImportChunk = "/" + ServiceName + "/UploadImportChunk";
    public const string CommitImport = "/" + ServiceName + "/CommitImport";
    public const string SetOverride = "/" + ServiceName + "/SetOverride";
    public const string RemoveOverride = "/" + ServiceName + "/RemoveOverride";
    public const string ListOverrides = "/" + ServiceName + "/ListOverrides";
    public const string ListPriceBooks = "/" + ServiceName + "/ListPriceBooks";
    public const string DiffPriceBooks = "/" + ServiceName + "/DiffPriceBooks";
    public const string ActivatePriceBook = "/" + ServiceName + "/ActivatePriceBook";
    public const string GetPrice = "/" + ServiceName + "/GetPrice";
}
