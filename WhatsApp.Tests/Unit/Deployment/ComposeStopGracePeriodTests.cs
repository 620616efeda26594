using System.Globalization;
using System.Text.RegularExpressions;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Tests.Unit.Deployment;

/// <summary>
/// A routine stop lets the requests in flight finish within the host's shutdown timeout; Docker's own default stop
/// period is 10 s, after which it kills the container and every answer still in flight becomes "outcome unknown".
/// </summary>
[TestFixture]
public sealed partial class ComposeStopGracePeriodTests
{
    [Test]
    public void ComposeApiServices_StopGracePeriod_IsLongerThanTheHostsShutdownTimeout()
    {
        var compose = File.ReadAllText(FindUp("docker-compose.yml"));
        var apiAnchor = compose[compose.IndexOf("x-api: &api", StringComparison.Ordinal)..];
        apiAnchor = apiAnchor[..apiAnchor.IndexOf("\n\n", StringComparison.Ordinal)];

        var grace = StopGracePeriod().Match(apiAnchor);

        Assert.That(grace.Success, Is.True, "x-api (shared by every API service) sets stop_grace_period in seconds");
        var seconds = TimeSpan.FromSeconds(int.Parse(grace.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.That(seconds, Is.GreaterThan(new DispatchOptions().ShutdownTimeout));
    }

    private static string FindUp(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(name);
    }

    [GeneratedRegex(@"^\s+stop_grace_period:\s*(\d+)s\s*$", RegexOptions.Multiline)]
    private static partial Regex StopGracePeriod();
}
