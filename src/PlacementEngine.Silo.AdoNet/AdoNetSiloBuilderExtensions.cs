using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using PlacementEngine.Silo.AdoNet.Schema;

namespace PlacementEngine.Silo.AdoNet;

/// <summary>Orleans' own tables on the project's databases, with the project's schema created before the silo uses them.</summary>
public static class AdoNetSiloBuilderExtensions
{
    /// <summary>
    /// The ADO.NET providers name Microsoft.Data.Sqlite by this invariant; the name "Microsoft.Data.Sqlite" is not
    /// known to them and fails at silo start.
    /// </summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Reminders in the embedded SQLite file (the one that holds the jobs). Clustering stays the caller's choice
    /// (localhost clustering for one silo).
    /// </summary>
    public static ISiloBuilder UseEmbeddedSqliteReminders(this ISiloBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(databasePath))
        {
            throw new ArgumentException("databasePath: the SQLite file that holds the jobs is required", nameof(databasePath));
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(databasePath), DefaultTimeout = 30 }.ToString();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaCreation(cancellationToken => OrleansSchema.EnsureSqliteAsync(connectionString, cancellationToken)));
        return builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = SqliteInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// A silo of a cluster whose membership and reminders live in PostgreSQL, with failure detection tuned (see
    /// <see cref="FailureDetectionOptions"/>). The caller still sets the cluster and service ids and the endpoints.
    /// </summary>
    public static ISiloBuilder UsePostgresCluster(
        this ISiloBuilder builder, string connectionString, Action<FailureDetectionOptions>? configureFailureDetection = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("connectionString: the PostgreSQL connection string is required", nameof(connectionString));
        }
        var failureDetection = new FailureDetectionOptions();
        configureFailureDetection?.Invoke(failureDetection);
        var errors = failureDetection.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("failure detection: " + string.Join("; ", errors), nameof(configureFailureDetection));
        }
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaCreation(cancellationToken => OrleansSchema.EnsurePostgresAsync(connectionString, cancellationToken)));
        builder.Configure<ClusterMembershipOptions>(failureDetection.ApplyTo);
        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        return builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
    }
}
