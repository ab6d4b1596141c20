using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

public sealed class PricingServiceRegistrationTests
{
    [Fact]
    public void AddPricingService_RegistersEveryRpcOfPricingService()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPriceBookStore, InMemoryPriceBookStore>();
        services.AddSingleton(sp => new PriceBookService(sp.GetRequiredService<IPriceBookStore>(), TimeProvider.System));
        services.AddGrpcTransport(new GrpcServerOptions());
        services.AddPricingService(new PricingServiceOptions());
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<GrpcServiceRegistry>();

        var pricing = typeof(PricingServiceMethods).GetFields().Where(f => f.Name != nameof(PricingServiceMethods.ServiceName)).Select(f => (string)f.GetValue(null)!);
        Assert.Equal(10, pricing.Count());
        Assert.All(pricing, method => Assert.Contains(method, registry.MethodNames));
    }

    [Fact]
    public void AddPricingService_ImpossibleLimits_RefusedAtStartUp()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddPricingService(new PricingServiceOptions { Uploads = new ImportUploadLimits { MaxFileBytes = 10, MaxOpenBytes = 5 } }));

        Assert.Contains("MaxOpenBytes", ex.Message, StringComparison.Ordinal);
    }
}
