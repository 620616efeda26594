using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>
/// One history query as an endpoint runs it, and the one index it may walk from one end (in order, stopped by its
/// LIMIT or, for an export, meant to read every row), if any. Every other access must pin an index by equality.
/// </summary>
internal sealed record PlanCase(string Name, Func<IHistoryReader, Task> Run, string? Walk = null)
{
    public override string ToString() => Name;
}
