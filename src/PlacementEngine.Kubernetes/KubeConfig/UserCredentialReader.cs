using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>Reads a kubeconfig user entry: a bearer token (inline or file) and/or a client certificate.</summary>
internal sealed class UserCredentialReader(KubeConfigSource source, string name, UserEntry user, TimeProvider time)
{
    private string Owner => $"user '{name}'";

    public ITokenSource? ReadToken()
    {
        if (!string.IsNullOrWhiteSpace(user.Token))
        {
            return new StaticTokenSource(user.Token.Trim());
        }
        if (!string.IsNullOrWhiteSpace(user.TokenFile))
        {
            var path = source.Resolve(user.TokenFile.Trim());
            try
            {
                return new FileTokenSource(path, time);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw source.Error($"{Owner} tokenFile {path} cannot be read: {e.Message}", e);
            }
            catch (KubeConfigException e)
            {
                throw source.Error($"{Owner} {e.Message}", e);
            }
        }
        if (user.Exec is not null)
        {
            return ReadExecPlugin(user.Exec);
        }
        if (!HasClientCertificate)
        {
            RejectUnsupportedAuthentication();
        }
        return null;
    }

    public X509Certificate2? ReadClientCertificate()
    {
        var certificate = source.ReadDataOrFile(Owner, "client-certificate-data", user.ClientCertificateData, "client-certificate", user.ClientCertificate);
        var key = source.ReadDataOrFile(Owner, "client-key-data", user.ClientKeyData, "client-key", user.ClientKey);
        if (certificate is null && key is null)
        {
            return null;
        }
        if (certificate is null)
        {
            throw source.Error($"{Owner} has a client key but no client-certificate-data or client-certificate");
        }
        if (key is null)
        {
            throw source.Error($"{Owner} has a client certificate but no client-key-data or client-key");
        }
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(certificate), Encoding.UTF8.GetString(key));
            // A PKCS#12 round trip gives the key a form every TLS backend accepts for client authentication
            // (an ephemeral key works on Linux but not on Windows).
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw source.Error($"{Owner} client certificate and key are not a valid PEM pair: {e.Message}", e);
        }
    }

    private bool HasClientCertificate =>
        !string.IsNullOrWhiteSpace(user.ClientCertificateData) || !string.IsNullOrWhiteSpace(user.ClientCertificate);

    private ExecCredentialSource ReadExecPlugin(ExecEntry exec)
    {
        if (string.IsNullOrWhiteSpace(exec.Command))
        {
            throw source.Error($"{Owner} exec has no command");
        }
        if (string.IsNullOrWhiteSpace(exec.ApiVersion))
        {
            throw source.Error($"{Owner} exec has no apiVersion");
        }
        var command = exec.Command.Trim();
        // As in client-go: a command with a directory part is relative to the kubeconfig; a bare name is looked up on PATH.
        if (command.Contains('/', StringComparison.Ordinal))
        {
            command = source.Resolve(command);
        }
        var env = (exec.Env ?? [])
            .Where(e => !string.IsNullOrEmpty(e.Name))
            .Select(e => KeyValuePair.Create(e.Name!, e.Value ?? ""))
            .ToList();
        return new ExecCredentialSource(new ExecCredentialSource.Plugin(exec.ApiVersion.Trim(), command, exec.Args ?? [], env), time);
    }

    private void RejectUnsupportedAuthentication()
    {
        // Failing here beats sending anonymous requests that the cluster answers with 401 much later.
        if (user.AuthProvider is not null)
        {
            throw source.Error($"{Owner} authenticates through an auth-provider, which this executor does not support; give it a token, tokenFile or client certificate");
        }
        if (!string.IsNullOrWhiteSpace(user.Username))
        {
            throw source.Error($"{Owner} uses basic authentication, which Kubernetes removed; give it a token, tokenFile or client certificate");
        }
    }
}
