using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// An <c>INSERT … ON CONFLICT</c> (by default <c>DO NOTHING</c>) for one entity type, with its columns, converters and
/// parameter types taken from the EF Core model, so a row written here is byte for byte the row <c>SaveChanges</c>
/// would write and a new property cannot be forgotten. Standard SQL that SQLite and PostgreSQL both run.
/// </summary>
internal sealed class RowInsert
{
    /// <summary>The conflict clause that overwrites the row with the new values: an upsert of every column.</summary>
    public const string ReplaceRow = "replace row";

    private readonly Column[] _columns;

    private RowInsert(string sql, Column[] columns)
    {
        Sql = sql;
        _columns = columns;
    }

    public string Sql { get; }

    public static RowInsert For(DbContext db, Type clrType, string? onConflict)
    {
        var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties()
            .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .ToList();
        string ColumnOf(IReadOnlyProperty p) =>
            p.GetColumnName(table) ?? throw new InvalidOperationException($"{clrType.Name}.{p.Name} has no column.");
        var columns = properties
            .Select((p, i) => new Column($"@p{i}", p.Name, p.IsShadowProperty() ? null : p.GetGetter(), p.GetRelationalTypeMapping(), p.IsNullable))
            .ToArray();
        if (onConflict == ReplaceRow)
        {
            var key = entity.FindPrimaryKey()!.Properties;
            var set = properties.Where(p => !key.Contains(p)).Select(p => $"{sql.DelimitIdentifier(ColumnOf(p))} = excluded.{sql.DelimitIdentifier(ColumnOf(p))}");
            onConflict = $"ON CONFLICT ({string.Join(", ", key.Select(p => sql.DelimitIdentifier(ColumnOf(p))))}) DO UPDATE SET {string.Join(", ", set)}";
        }

        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(ColumnOf(p))))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) {onConflict ?? "ON CONFLICT DO NOTHING"}";
        return new RowInsert(insert, columns);
    }

    /// <summary>Binds the values of <paramref name="entity"/> (and of its shadow properties, by name) to <paramref name="command"/>.</summary>
    public void Bind(WriteSession session, DbCommand command, object entity, ReadOnlySpan<(string Property, object? Value)> shadowValues)
    {
        foreach (var column in _columns)
        {
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

            session.AddParameter(command, column.Parameter, column.Mapping, column.Nullable, value);
        }
    }

    private sealed record Column(string Parameter, string Property, IClrPropertyGetter? Getter, RelationalTypeMapping Mapping, bool Nullable);
}
