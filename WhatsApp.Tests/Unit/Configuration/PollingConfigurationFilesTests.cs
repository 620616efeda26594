using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using WhatsApp.Api;

namespace WhatsApp.Tests.Unit.Configuration;

/// <summary>The settings files still reload on change, by polling them rather than watching the content root.</summary>
[TestFixture]
public sealed class PollingConfigurationFilesTests
{
    private string _root = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = Directory.CreateTempSubdirectory("whatsapp-config-").FullName;
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """{ "Plivo": { "DefaultSender": "+14155550100" } }""");
    }

    [TearDown]
    public void DeleteContentRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void ReloadJsonFilesByPolling_ReplacesEveryReloadingJsonSource_WithAPollingProvider()
    {
        using var configuration = Load();

        configuration.ReloadJsonFilesByPolling(_root);

        var json = configuration.Sources.OfType<JsonConfigurationSource>().ToList();
        Assert.That(json, Has.Count.EqualTo(2));
        // (UsePollingFileWatcher reads false once the provider's watcher exists, so the active poll is what shows.)
        Assert.That(json.Select(s => (s.FileProvider as PhysicalFileProvider)?.UseActivePolling), Is.All.True);
        Assert.That(json.Select(s => (s.Path, s.Optional, s.ReloadOnChange)),
            Is.EqualTo(new[] { ("appsettings.json", false, true), ("appsettings.Production.json", true, true) }));
    }

    [Test]
    public void ReloadJsonFilesByPolling_SourceInAnotherDirectory_KeepsReadingFromThere()
    {
        // As user secrets are: a JSON file in a directory of its own, not under the content root.
        var secrets = Directory.CreateTempSubdirectory("whatsapp-secrets-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(secrets, "secrets.json"), """{ "Plivo": { "AuthToken": "from-secrets" } }""");
            using var configuration = Load();
            configuration.AddJsonFile(new PhysicalFileProvider(secrets), "secrets.json", optional: true, reloadOnChange: true);

            configuration.ReloadJsonFilesByPolling(_root);

            Assert.That(configuration["Plivo:AuthToken"], Is.EqualTo("from-secrets"));
            var source = configuration.Sources.OfType<JsonConfigurationSource>().Single(s => s.Path == "secrets.json");
            Assert.That(((PhysicalFileProvider)source.FileProvider!).Root, Is.EqualTo(secrets + Path.DirectorySeparatorChar));
            Assert.That(((PhysicalFileProvider)source.FileProvider!).UseActivePolling, Is.True);
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }
    }

    [Test]
    public async Task ReloadJsonFilesByPolling_FileChanged_NewValueIsRead()
    {
        using var configuration = Load();
        configuration.ReloadJsonFilesByPolling(_root);
        Assert.That(configuration["Plivo:DefaultSender"], Is.EqualTo("+14155550100"));

        var file = Path.Combine(_root, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Plivo": { "DefaultSender": "+14155550199" } }""");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));

        // The active poll runs every 4 s.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (configuration["Plivo:DefaultSender"] != "+14155550199" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.That(configuration["Plivo:DefaultSender"], Is.EqualTo("+14155550199"));
    }

    private ConfigurationManager Load()
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(_root);
        configuration.AddJsonFile("appsettings.json", optional: false, reloadOnChange: true);
        configuration.AddJsonFile("appsettings.Production.json", optional: true, reloadOnChange: true);
        return configuration;
    }
}
