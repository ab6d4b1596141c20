using Microsoft.AspNetCore.Authentication;

namespace PlacementEngine.Grpc.Auth;

/// <summary>Nothing to set: the tokens come from <see cref="BearerTokens"/> in the container.</summary>
public sealed class BearerTokenOptions : AuthenticationSchemeOptions;
