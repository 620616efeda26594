using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WhatsApp.Tests.Unit.Container;

/// <summary>
/// What the image is built from and carries. There is no Docker engine here, so these read the files: the build
/// context leaves the host's build output and databases out, the base images are pinned, the image checks its own
/// readiness and never ships the sample API keys.
/// </summary>
[TestFixture]
public sealed partial class DockerfileTests
{
    private const string Dockerfile = "WhatsApp.Api/Dockerfile";

    // The context is the repository root and the Dockerfile copies whole project folders, so these must match in
    // every folder (a bare "bin/" in .dockerignore matches only the root's).
    [TestCase("**/bin/")]
    [TestCase("**/obj/")]
    [TestCase("**/data/")]
    [TestCase("**/TestResults/")]
    [TestCase("**/*.db")]
    [TestCase("**/*.db-wal")]
    [TestCase("**/*.db-shm")]
    [TestCase(".git")]
    [TestCase("**/appsettings.Development.json")]
    public void DockerIgnore_ExcludesFromTheBuildContext(string pattern)
    {
        Assert.That(File.Exists(Path.Combine(RepositoryFiles.Root, ".dockerignore")), Is.True, ".dockerignore at the repository root");
        Assert.That(RepositoryFiles.MeaningfulLines(".dockerignore").Select(l => l.Trim()), Does.Contain(pattern));
    }

    [Test]
    public void Dockerfile_EveryBaseImage_IsPinnedToAPatchVersion()
    {
        var images = RepositoryFiles.MeaningfulLines(Dockerfile)
            .Where(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            .ToList();

        Assert.That(images, Has.Count.EqualTo(2));
        Assert.That(images, Is.All.Matches<string>(i => PatchTag().IsMatch(i)), string.Join(", ", images));
    }

    [Test]
    public void Dockerfile_HasAHealthcheckOnReadinessWithoutCurl()
    {
        var healthcheck = string.Join(' ', RepositoryFiles.MeaningfulLines(Dockerfile)
            .SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal))
            .TakeWhile((l, i) => i == 0 || !Regex.IsMatch(l, "^[A-Z]+ ")));

        Assert.That(healthcheck, Does.StartWith("HEALTHCHECK"));
        Assert.That(healthcheck, Does.Contain("/health/ready").And.Contain("/dev/tcp/").And.Not.Contain("curl"));
    }

    [Test]
    public void Project_LeavesTheSampleKeysOutOfThePublishedOutput()
    {
        var project = XDocument.Parse(RepositoryFiles.Read("WhatsApp.Api/WhatsApp.Api.csproj"));

        var sample = project.Descendants()
            .Where(e => e.Name.LocalName is "Content" or "None")
            .Where(e => (string?)e.Attribute("Update") == "appsettings.Development.json" || (string?)e.Attribute("Include") == "appsettings.Development.json");

        Assert.That(sample.Select(e => (string?)e.Attribute("CopyToPublishDirectory")), Does.Contain("Never"));
    }

    [GeneratedRegex(@":\d+\.\d+\.\d+(\s|$)")]
    private static partial Regex PatchTag();
}
