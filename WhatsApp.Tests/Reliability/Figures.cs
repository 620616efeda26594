using System.Globalization;

namespace WhatsApp.Tests.Reliability;

/// <summary>Prints the figures a reliability test measured (the README's Reliability section quotes them).</summary>
internal static class Figures
{
    public static void Report(string scenario, params (string Name, object Value)[] figures)
    {
        var line = $"[reliability] {scenario}: " + string.Join(", ", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Value}")));
        TestContext.Progress.WriteLine(line);
    }
}
