using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WhatsApp.Api.Features.History;
using WhatsApp.Infrastructure.Persistence.Configurations;

namespace WhatsApp.Tests.Unit.Persistence;

/// <summary>
/// Compares the EF model's columns (every scalar, complex and shadow property) with the lists that decide what an
/// erasure does with each column and what the CSV export writes, and names every column the lists miss or misname.
/// </summary>
internal static class ColumnClassification
{
    public static IReadOnlyList<string> ErasureProblems(IModel model)
    {
        var problems = new List<string>();
        foreach (var (table, columns) in Tables(model))
        {
            var erasure = ColumnErasure.All.SingleOrDefault(e => e.Table == table);
            if (erasure is null)
            {
                if (!ColumnErasure.NothingOfACustomer.ContainsKey(table))
                {
                    problems.Add($"table {table}: neither in ColumnErasure.All nor in ColumnErasure.NothingOfACustomer");
                }

                continue;
            }

            problems.AddRange(Compare(table, columns, erasure.Erased.Select(c => c.Column), erasure.Kept, "erased", "kept"));
        }

        return problems;
    }

    public static IReadOnlyList<string> ExportProblems(IModel model) =>
        Compare("Messages", Tables(model)["Messages"], MessageCsvColumns.Exported.Select(c => c.Column), MessageCsvColumns.NotExported,
            "exported", "not exported").ToList();

    private static IEnumerable<string> Compare(
        string table, IReadOnlySet<string> columns, IEnumerable<string> chosen, IReadOnlyDictionary<string, string> others, string chosenAs, string otherAs)
    {
        var chosenList = chosen.ToList();
        foreach (var column in columns.Where(c => !chosenList.Contains(c) && !others.ContainsKey(c)))
        {
            yield return $"{table}.{column}: neither {chosenAs} nor {otherAs}";
        }

        foreach (var column in chosenList.Where(others.ContainsKey))
        {
            yield return $"{table}.{column}: both {chosenAs} and {otherAs}";
        }

        foreach (var column in chosenList.Concat(others.Keys).Where(c => !columns.Contains(c)))
        {
            yield return $"{table}.{column}: listed, but the model has no such column";
        }

        foreach (var (column, reason) in others.Where(o => string.IsNullOrWhiteSpace(o.Value)))
        {
            yield return $"{table}.{column}: {otherAs} without a reason";
        }
    }

    private static Dictionary<string, IReadOnlySet<string>> Tables(IModel model) =>
        model.GetEntityTypes().ToDictionary(e => e.GetTableName()!, e => (IReadOnlySet<string>)Columns(e).ToHashSet());

    // GetProperties includes shadow properties; complex properties (a message's content) are columns of their own.
    private static IEnumerable<string> Columns(ITypeBase type) =>
        type.GetProperties().Select(p => p.GetColumnName())
            .Concat(type.GetComplexProperties().SelectMany(c => Columns(c.ComplexType)));
}
