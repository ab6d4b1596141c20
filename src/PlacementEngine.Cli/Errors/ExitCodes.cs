using Grpc.Core;

namespace PlacementEngine.Cli.Errors;

/// <summary>
/// placectl's exit codes, distinct per cause so scripts can branch without parsing stderr.
/// A gRPC status maps to <see cref="RpcStatusBase"/> + its code (NOT_FOUND = 15, ...).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An unexpected failure inside placectl (a bug or a broken environment).</summary>
    public const int Failure = 1;

    /// <summary>Bad flags or arguments.</summary>
    public const int Usage = 2;

    /// <summary>The job file cannot be read or does not describe a job.</summary>
    public const int InvalidJobFile = 3;

    /// <summary>No connection to the server at all (refused, DNS, TLS).</summary>
    public const int Unreachable = 4;

    /// <summary>"jobs watch" saw the job end Failed or Cancelled.</summary>
    public const int JobUnsuccessful = 5;

    /// <summary>Codes 11 to 26: the server answered with gRPC status (code - 10).</summary>
    public const int RpcStatusBase = 10;

    /// <summary>Interrupted by Ctrl+C, following the shell's 128 + SIGINT convention.</summary>
    public const int Interrupted = 130;

    public static int ForStatus(StatusCode status) => RpcStatusBase + (int)status;
}
