using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Auth;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>The API's authorization policies, as the server registers them, for services called in-process.</summary>
internal static class TestAuthorization
{
    public static IAuthorizationService Service { get; } = new ServiceCollection()
        .AddLogging()
        .AddAuthorizationCore(PlacementPolicies.Configure)
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();
}
