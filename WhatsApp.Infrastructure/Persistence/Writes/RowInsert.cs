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

    private RowInsert(string sql, Column[] columns)
    {
        Sql = sql;
        _columns = columns;
    }

    public string Sql { get; }

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
                $"@p{i}",
                p.Name,
                p.IsShadowProperty() ? null : p.GetGetter(),
                p.GetRelationalTypeMapping(),
                p.IsNullable))
            .ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) {onConflict ?? "ON CONFLICT DO NOTHING"}";
        return new RowInsert(text, columns);
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

            values[i] = column.ToProvider(value);
        }

        return new PreparedRow(this, entity, values);
    }

    public void Bind(WriteSession session, DbCommand command, PreparedRow row)
    {
        if (row.Insert != this)
        {
            throw new ArgumentException("The row was prepared for another statement.", nameof(row));
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            session.AddProviderValue(command, column.Parameter, column.Mapping, column.Nullable, row.Values[i]);
        }
    }

    /// <summary>Computes the values of <paramref name="properties"/> again, from the entity the row was prepared from.</summary>
    internal void Refresh(object entity, object[] values, ReadOnlySpan<string> properties)
    {
        foreach (var property in properties)
        {
            var index = Array.FindIndex(_columns, c => c.Property == property);
            if (index < 0 || _columns[index].Getter is not { } getter)
            {
                throw new ArgumentException($"{property} is not a mapped property of the row.", nameof(properties));
            }

            values[index] = _columns[index].ToProvider(getter.GetClrValueUsingContainingEntity(entity));
        }
    }

    private sealed record Column(
        string Name, string Parameter, string Property, IClrPropertyGetter? Getter, RelationalTypeMapping Mapping, bool Nullable)
    {
        public object ToProvider(object? value) => WriteSession.ToProvider(Mapping, value);
    }
}
