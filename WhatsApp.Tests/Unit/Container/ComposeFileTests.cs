using System.Globalization;
using System.Text.RegularExpressions;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Tests.Unit.Container;

/// <summary>docker-compose.yml: no silent database password, a least-privilege default key, pinned images, and a stop
/// grace period long enough for in-flight sends to finish.</summary>
[TestFixture]
public sealed partial class ComposeFileTests
{
    private static readonly IReadOnlyList<string> Lines = RepositoryFiles.MeaningfulLines("docker-compose.yml");

    [Test]
    public void PostgresPassword_IsUsedEverywhereWithoutADefault()
    {
        var uses = Lines.SelectMany(l => PostgresPasswordUse().Matches(l)).Select(m => m.Value).ToList();

        Assert.That(uses, Has.Count.GreaterThanOrEqualTo(2), "the database and the API's connection string");
        Assert.That(uses, Is.All.Matches<string>(u => !DefaultValue().IsMatch(u)), string.Join(", ", uses));
        Assert.That(Lines, Has.None.Contains("POSTGRES_HOST_AUTH_METHOD"));
    }

    [Test]
    public void ApiKey_DefaultRole_IsSender()
    {
        var role = Lines.Single(l => l.Contains("Auth__ApiKeys__0__Role", StringComparison.Ordinal));

        Assert.That(role, Does.Contain("${API_KEY_ROLE:-sender}"));
    }

    [Test]
    public void EveryImage_IsPinnedToAMinorVersion()
    {
        var images = Lines.Where(l => l.Trim().StartsWith("image:", StringComparison.Ordinal)).Select(l => l.Trim()["image:".Length..].Trim()).ToList();

        Assert.That(images, Is.Not.Empty);
        Assert.That(images, Is.All.Matches<string>(i => Regex.IsMatch(i, @":\d+\.\d+")), string.Join(", ", images));
    }

    [Test]
    public void EveryApiService_WaitsLongerThanTheHostsShutdownTimeout()
    {
        var template = Block("x-api: &api", indent: 0);
        var apiServices = ServiceNames().Where(s => Block($"{s}:", indent: 2).Any(l => l.Trim() == "<<: *api")).ToList();

        Assert.That(apiServices, Is.EquivalentTo(new[] { "api", "api-postgres" }));
        var grace = template.Select(l => StopGracePeriod().Match(l.Trim())).Single(m => m.Success);
        var seconds = TimeSpan.FromSeconds(int.Parse(grace.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.That(seconds, Is.GreaterThan(new DispatchOptions().ShutdownTimeout), "the host's shutdown timeout must end first");
        Assert.That(apiServices.SelectMany(s => Block($"{s}:", indent: 2)), Has.None.Contains("stop_grace_period"), "no service overrides it");
    }

    private static IEnumerable<string> ServiceNames() =>
        Block("services:", indent: 0).Where(l => Indent(l) == 2).Select(l => l.Trim().TrimEnd(':'));

    // The lines nested under the line that reads `header` at `indent` spaces.
    private static List<string> Block(string header, int indent) =>
        Lines.SkipWhile(l => Indent(l) != indent || l.Trim() != header).Skip(1).TakeWhile(l => Indent(l) > indent).ToList();

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    [GeneratedRegex(@"\$\{POSTGRES_PASSWORD[^}]*\}")]
    private static partial Regex PostgresPasswordUse();

    [GeneratedRegex(@"^\$\{POSTGRES_PASSWORD:?-.+\}$")]
    private static partial Regex DefaultValue();

    [GeneratedRegex(@"^stop_grace_period:\s*(\d+)s$")]
    private static partial Regex StopGracePeriod();
}
