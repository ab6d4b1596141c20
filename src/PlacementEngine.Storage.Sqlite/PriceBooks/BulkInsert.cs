using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Database;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>
/// One INSERT prepared once and run for every row with new parameter values: tens of thousands of rows in one
/// transaction without parsing the SQL again for each.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private const int RowsBetweenCancellationChecks = 4096;

    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly CancellationToken _cancellationToken;
    private int _rows;

    public BulkInsert(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params string[] parameterNames)
    {
        _command = transaction.Command(sql);
        _parameters = parameterNames.Select(name => _command.Parameters.Add(new SqliteParameter(name, DBNull.Value))).ToArray();
        _command.Prepare();
        _cancellationToken = cancellationToken;
    }

    /// <summary>Inserts one row, values in the order the parameter names were given.</summary>
    public void Row(params ReadOnlySpan<object?> values)
    {
        if (++_rows % RowsBetweenCancellationChecks == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
