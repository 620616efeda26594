namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// One row of a <see cref="RowInsert"/> with its values already converted for the database, made on the caller's
/// thread (<see cref="WriteQueue.Prepare{T}"/>) so that the single writer only binds them and runs the statement.
/// </summary>
internal sealed class PreparedRow
{
    private readonly object _entity;
    private List<(string Name, string Property, object Value)>? _parameters;

    internal PreparedRow(RowInsert insert, object entity, object[] values)
    {
        Insert = insert;
        _entity = entity;
        Values = values;
    }

    public RowInsert Insert { get; }

    internal object[] Values { get; }

    /// <summary>The parameters of the conflict clause, by name, with the property each is converted as.</summary>
    internal IReadOnlyList<(string Name, string Property, object Value)> Parameters => _parameters ?? [];

    /// <summary>Sets parameter <paramref name="name"/> of the conflict clause, converted as <paramref name="property"/>'s column.</summary>
    public PreparedRow With(string name, string property, object? value)
    {
        (_parameters ??= []).Add((name, property, Insert.Convert(property, value)));
        return this;
    }

    /// <summary>Takes up the new values of <paramref name="properties"/>, which the entity changed since it was prepared.</summary>
    public void Refresh(params ReadOnlySpan<string> properties) => Insert.Refresh(_entity, Values, properties);
}
