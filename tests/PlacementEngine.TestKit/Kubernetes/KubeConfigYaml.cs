using System.Text;

namespace PlacementEngine.TestKit.Kubernetes;

/// <summary>Writes kubeconfig files as kubectl would read them: one cluster, one user, one context.</summary>
public sealed class KubeConfigYaml
{
    private readonly List<string> _clusterLines = [];
    private readonly List<string> _userLines = [];
    private string? _namespace;
    private string _contextName = "test";
    private bool _withUser = true;

    private KubeConfigYaml(string server) => _clusterLines.Add($"server: {server}");

    public static KubeConfigYaml For(Uri server) => new(server.AbsoluteUri.TrimEnd('/'));

    public static KubeConfigYaml For(string server) => new(server);

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public KubeConfigYaml Cluster(string line)
    {
        _clusterLines.Add(line);
        return this;
    }

    public KubeConfigYaml User(string line)
    {
        _userLines.Add(line);
        return this;
    }

    public KubeConfigYaml AuthorityData(string pem) => Cluster($"certificate-authority-data: {Base64(pem)}");

    public KubeConfigYaml Token(string token) => User($"token: {token}");

    public KubeConfigYaml ClientCertificateData(string certificatePem, string keyPem) =>
        User($"client-certificate-data: {Base64(certificatePem)}").User($"client-key-data: {Base64(keyPem)}");

    /// <summary>A client-go credential plugin, run with these arguments.</summary>
    public KubeConfigYaml Exec(string command, params string[] args)
    {
        User("exec:").User("  apiVersion: client.authentication.k8s.io/v1").User($"  command: {command}").User("  interactiveMode: Never");
        if (args.Length > 0)
        {
            User("  args:");
            foreach (var arg in args)
            {
                User($"  - \"{arg}\"");
            }
        }
        return this;
    }

    /// <summary>A context naming no user: requests go out anonymous.</summary>
    public KubeConfigYaml WithoutUser()
    {
        _withUser = false;
        return this;
    }

    public KubeConfigYaml Namespace(string name)
    {
        _namespace = name;
        return this;
    }

    public KubeConfigYaml ContextName(string name)
    {
        _contextName = name;
        return this;
    }

    public string Build()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("apiVersion: v1");
        yaml.AppendLine("kind: Config");
        yaml.AppendLine("clusters:");
        yaml.AppendLine("- name: fake");
        yaml.AppendLine("  cluster:");
        foreach (var line in _clusterLines)
        {
            yaml.AppendLine("    " + line);
        }
        yaml.AppendLine("users:");
        yaml.AppendLine("- name: tester");
        yaml.AppendLine(_userLines.Count == 0 ? "  user: {}" : "  user:");
        foreach (var line in _userLines)
        {
            yaml.AppendLine("    " + line);
        }
        yaml.AppendLine("contexts:");
        yaml.AppendLine($"- name: {_contextName}");
        yaml.AppendLine("  context:");
        yaml.AppendLine("    cluster: fake");
        if (_withUser)
        {
            yaml.AppendLine("    user: tester");
        }
        if (_namespace is not null)
        {
            yaml.AppendLine($"    namespace: {_namespace}");
        }
        yaml.AppendLine($"current-context: {_contextName}");
        return yaml.ToString();
    }
}
