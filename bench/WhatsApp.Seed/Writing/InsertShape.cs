namespace WhatsApp.Seed.Writing;

/// <summary>
/// One INSERT statement: the columns bound per row, and the columns whose value is the same for every row of this
/// shape (an SQL literal, or <c>$Column</c> to repeat a bound column's value). Columns in neither are NULL.
/// Binding is most of the cost of an insert through Microsoft.Data.Sqlite, so shapes bind only what varies, under
/// short parameter names (<c>$p0</c>, <c>$p1</c>…; each bind looks its name up again).
/// </summary>
internal sealed record InsertShape(string Table, string[] Bound, IReadOnlyDictionary<string, string> Fixed)
{
    public InsertShape(string table, string[] bound)
        : this(table, bound, new Dictionary<string, string>())
    {
    }

    public IEnumerable<string> ParameterNames => Bound.Select((_, i) => "$p" + i);

    public string Sql
    {
        get
        {
            var parameters = Bound.Zip(ParameterNames).ToDictionary(p => "$" + p.First, p => p.Second);
            var columns = Bound.Concat(Fixed.Keys).Select(c => $"\"{c}\"");
            var values = ParameterNames.Concat(Fixed.Values.Select(v => parameters.GetValueOrDefault(v, v)));
            return $"INSERT INTO \"{Table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
        }
    }
}
