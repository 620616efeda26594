using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// A read of one row by its primary key as a prepared command, its columns, converters and members taken from the EF
/// model (so a new property is read without an edit here), materialized as EF would: the writer's point read, without
/// a query pipeline and a statement prepared again on every run. Entities of scalar properties only.
/// </summary>
internal sealed class RowRead
{
    private readonly Func<object> _create;
    private readonly Column[] _columns;

    private RowRead(string sql, string keyProperty, Func<object> create, Column[] columns)
    {
        Sql = sql;
        KeyProperty = keyProperty;
        _create = create;
        _columns = columns;
    }

    public string Sql { get; }

    public string KeyProperty { get; }

    public const string KeyParameter = "@key";

    public static RowRead For(DbContext db, Type clrType, bool forUpdate)
    {
        var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
        if (entity.GetComplexProperties().Any())
        {
            throw new InvalidOperationException($"{clrType.Name} has complex properties, which a row read does not materialize.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var select = $"SELECT {string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))} "
            + $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(key.GetColumnName(table)!)} = {KeyParameter}"
            + (forUpdate ? " FOR UPDATE" : string.Empty);
        var columns = properties.Select(p => new Column(p.GetMemberInfo(forMaterialization: true, forSet: true), p.GetRelationalTypeMapping(), Reader(p.GetRelationalTypeMapping()))).ToArray();
        return new RowRead(select, key.Name, () => Activator.CreateInstance(clrType, nonPublic: true)!, columns);
    }

    /// <summary>The entity in the reader's current row.</summary>
    public object Materialize(DbDataReader reader)
    {
        var entity = _create();
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var value = reader.IsDBNull(i) ? null : column.Read(reader, i);
            if (value is not null && column.Mapping.Converter is { } converter)
            {
                value = converter.ConvertFromProvider(value);
            }

            switch (column.Member)
            {
                case PropertyInfo property:
                    property.SetValue(entity, value);
                    break;
                case FieldInfo field:
                    field.SetValue(entity, value);
                    break;
            }
        }

        return entity;
    }

    // The provider's own reader method for the column's type (GetString, GetFieldValue<DateTimeOffset>, …), as EF uses.
    private static Func<DbDataReader, int, object> Reader(RelationalTypeMapping mapping)
    {
        var reader = Expression.Parameter(typeof(DbDataReader));
        var ordinal = Expression.Parameter(typeof(int));
        var method = mapping.GetDataReaderMethod();
        var call = Expression.Call(Expression.Convert(reader, method.DeclaringType!), method, ordinal);
        return Expression.Lambda<Func<DbDataReader, int, object>>(Expression.Convert(call, typeof(object)), reader, ordinal).Compile();
    }

    private sealed record Column(MemberInfo Member, RelationalTypeMapping Mapping, Func<DbDataReader, int, object> Read);
}
