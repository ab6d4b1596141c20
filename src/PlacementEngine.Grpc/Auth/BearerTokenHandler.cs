using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlacementEngine.Grpc.Auth;

/// <summary>
/// Authenticates <c>authorization: Bearer &lt;token&gt;</c> against the tokens file. Its challenge and forbid
/// answer with gRPC statuses (UNAUTHENTICATED, PERMISSION_DENIED) rather than bare HTTP 401/403, so clients see why.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<BearerTokenOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BearerTokens tokens)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    /// <summary>Where a forbid carries its reason (<see cref="AuthenticationProperties.Items"/>) to the status message.</summary>
    public const string ForbiddenDetailItem = "grpc-detail";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(authorization)
            || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || authorization.Length == Prefix.Length)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var caller = tokens.Find(authorization[Prefix.Length..].Trim());
        return Task.FromResult(caller is null
            ? AuthenticateResult.Fail(BearerTokenDefaults.UnknownToken)
            : AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, Scheme.Name), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var detail = result.Failure?.Message ?? BearerTokenDefaults.MissingToken;
        GrpcStatusResponse.Write(Context, StatusCode.Unauthenticated, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var detail = properties.Items.TryGetValue(ForbiddenDetailItem, out var reason) && !string.IsNullOrEmpty(reason)
            ? reason
            : "permission denied: this token may not call this method";
        GrpcStatusResponse.Write(Context, StatusCode.PermissionDenied, detail);
        return Task.CompletedTask;
    }
}
