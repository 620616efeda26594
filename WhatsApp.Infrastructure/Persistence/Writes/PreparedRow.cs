namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// One row of a <see cref="RowInsert"/> with its values already converted for the database, made on the caller's
/// thread (<see cref="WriteQueue.Prepare{T}"/>) so that the single writer only binds them and runs the statement.
/// </summary>
internal sealed class PreparedRow
{
    private readonly object _entity;

    internal PreparedRow(RowInsert insert, object entity, object[] values)
    {
        Insert = insert;
        _entity = entity;
        Values = values;
    }

    public RowInsert Insert { get; }

    internal object[] Values { get; }

    /// <summary>Takes up the new values of <paramref name="properties"/>, which the entity changed since it was prepared.</summary>
    public void Refresh(params ReadOnlySpan<string> properties) => Insert.Refresh(_entity, Values, properties);
}
