using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// An <c>INSERT … ON CONFLICT</c> (by default <c>DO NOTHING</c>) for one entity type, with its columns, converters and parameter types
/// taken from the EF Core model, so a row written here is byte for byte the row <c>SaveChanges</c> would write and
/// a new property cannot be forgotten. The statement is standard SQL that SQLite and PostgreSQL both run.
/// </summary>
internal sealed class RowInsert
{
    private readonly Column[] _columns;
    private readonly string _into;
    private readonly string _onConflict;

    private RowInsert(string into, string onConflict, Column[] columns, bool sqlite)
    {
        _into = into;
        _onConflict = onConflict;
        _columns = columns;
        Sql = $"{into} VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) {onConflict}";
        SqliteBound = sqlite && columns.All(c => SqliteRowBinding.Supports(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType));
    }

    public string Sql { get; }

    /// <summary>
    /// SQLite, and every column of a type <see cref="SqliteRowBinding"/> binds: the row's values are encoded for it and
    /// the insert runs as a statement of SQLite's own (<see cref="SqliteRowStatements"/>), not through Microsoft.Data.Sqlite.
    /// </summary>
    public bool SqliteBound { get; }

    /// <summary>The name of the parameter of column <paramref name="column"/>.</summary>
    public static string ParameterName(int column) => $"@p{column}";

    public static RowInsert For(DbContext db, Type clrType, string? onConflict = null)
    {
        var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties()
            .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()));
        var columns = properties
            .Select((p, i) => new Column(
                p.GetColumnName(table) ?? throw new InvalidOperationException($"{clrType.Name}.{p.Name} has no column."),
                ParameterName(i),
                p.Name,
                p.IsShadowProperty() ? null : p.GetGetter(),
                p.GetRelationalTypeMapping(),
                p.IsNullable))
            .ToArray();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})";
        return new RowInsert(into, onConflict ?? "ON CONFLICT DO NOTHING", columns, db.Database.IsSqlite());
    }

    /// <summary>
    /// The same insert as an <c>INSERT … SELECT … WHERE <paramref name="condition"/></c>, its parameters named
    /// <c>@<paramref name="prefix"/>0</c>, … and cast to their column's type (a parameter in a SELECT list is not typed by
    /// the column it fills). For combining several inserts in one statement (<see cref="WriteSql.PostgresChain"/>).
    /// </summary>
    public string SelectSql(string prefix, string condition)
    {
        // The base type only: CAST(… AS character varying(16)) would cut a longer value where the insert rejects it.
        var values = _columns.Select((c, i) => $"CAST(@{prefix}{i} AS {c.Mapping.StoreTypeNameBase})");
        return $"{_into} SELECT {string.Join(", ", values)} WHERE {condition} {_onConflict}";
    }

    /// <summary>
    /// The row's values as the database takes them (converted, JSON serialised, <see cref="DBNull"/> for null), so that
    /// a caller can compute them on its own thread and the single writer only binds them.
    /// </summary>
    public PreparedRow Prepare(object entity, ReadOnlySpan<(string Property, object? Value)> shadowValues)
    {
        var values = new object[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            object? value = null;
            if (column.Getter is { } getter)
            {
                value = getter.GetClrValueUsingContainingEntity(entity);
            }
            else
            {
                foreach (var (property, shadow) in shadowValues)
                {
                    if (property == column.Property)
                    {
                        value = shadow;
                    }
                }
            }

            values[i] = Convert(column, value);
        }

        return new PreparedRow(this, entity, values);
    }

    /// <summary><paramref name="value"/> converted as <paramref name="property"/>'s column is, for a parameter of the conflict clause.</summary>
    public object Convert(string property, object? value) => Convert(_columns[IndexOf(property)], value);


    /// <summary>
    /// Binds <paramref name="row"/> to a Microsoft.Data.Sqlite or Npgsql command (when not <see cref="SqliteBound"/>), its
    /// parameters named as in <see cref="Sql"/>, or as in <see cref="SelectSql"/> with <paramref name="prefix"/>.
    /// </summary>
    public void Bind(WriteSession session, DbCommand command, PreparedRow row, string? prefix = null)
    {
        if (row.Insert != this)
        {
            throw new ArgumentException("The row was prepared for another statement.", nameof(row));
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var name = prefix is null ? column.Parameter : $"@{prefix}{i}";
            session.AddProviderValue(command, name, column.Mapping, column.Nullable, row.Values[i]);
        }

        foreach (var (name, property, value) in row.Parameters)
        {
            var column = _columns[IndexOf(property)];
            session.AddProviderValue(command, name, column.Mapping, column.Nullable, value);
        }
    }

    /// <summary>Computes the values of <paramref name="properties"/> again, from the entity the row was prepared from.</summary>
    internal void Refresh(object entity, object[] values, ReadOnlySpan<string> properties)
    {
        foreach (var property in properties)
        {
            var index = IndexOf(property);
            if (_columns[index].Getter is not { } getter)
            {
                throw new ArgumentException($"{property} is not a property of the entity.", nameof(properties));
            }

            values[index] = Convert(_columns[index], getter.GetClrValueUsingContainingEntity(entity));
        }
    }

    private int IndexOf(string property)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Property == property)
            {
                return i;
            }
        }

        throw new ArgumentException($"{property} is not a mapped property of the row.", nameof(property));
    }

    private object Convert(Column column, object? value)
    {
        var providerValue = WriteSession.ToProvider(column.Mapping, value);
        return SqliteBound ? SqliteRowBinding.Encode(providerValue) : providerValue;
    }

    private sealed record Column(
        string Name, string Parameter, string Property, IClrPropertyGetter? Getter, RelationalTypeMapping Mapping, bool Nullable);
}
