using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace WhatsApp.Api;

/// <summary>
/// Reloads the JSON settings files by polling them instead of through the default watcher. The default one watches
/// the whole content root and everything under it with inotify, and SQLite's default database (<c>data/</c> under
/// the content root, <c>/app/data</c> in the image) lives there: every page the write queue wrote to the WAL raised
/// an event that the kernel queued and the watcher's thread woke up for, about a tenth of the single writer's time
/// per webhook. Polling looks at the settings files alone, every few seconds.
/// </summary>
public static class PollingConfigurationFiles
{
    public static void ReloadJsonFilesByPolling(this ConfigurationManager configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sources = configuration.Sources;

        // One polling provider per directory: the content root's settings, and user secrets from their own directory.
        var polling = new Dictionary<string, PhysicalFileProvider>(StringComparer.Ordinal);
        var replaced = new HashSet<PhysicalFileProvider>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { ReloadOnChange: true, Path: { } path, FileProvider: PhysicalFileProvider watched } json)
            {
                replaced.Add(watched);

                // Replacing the source (not changing it) makes the configuration rebuild its provider from it.
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = true,
                    ReloadDelay = json.ReloadDelay,
                    FileProvider = PollingFor(watched.Root),
                };
            }
        }

        // Files added later default to polling too. The replaced providers had already started watching for the old
        // sources; nothing else uses them (the host's content root provider is its own).
        configuration.SetFileProvider(PollingFor(contentRoot));
        foreach (var provider in replaced)
        {
            provider.Dispose();
        }

        PhysicalFileProvider PollingFor(string root)
        {
            var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            if (!polling.TryGetValue(key, out var provider))
            {
                provider = new PhysicalFileProvider(key) { UsePollingFileWatcher = true, UseActivePolling = true };
                polling.Add(key, provider);
            }

            return provider;
        }
    }
}
