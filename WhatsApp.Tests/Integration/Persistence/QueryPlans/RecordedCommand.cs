using System.Data.Common;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

internal sealed record RecordedCommand(string Text, IReadOnlyList<DbParameter> Parameters);
