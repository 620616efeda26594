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
        var polling = new PhysicalFileProvider(contentRoot) { UsePollingFileWatcher = true, UseActivePolling = true };
        var replaced = new HashSet<IFileProvider>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { ReloadOnChange: true, Path: { } path } json)
            {
                if (json.FileProvider is { } previous)
                {
                    replaced.Add(previous);
                }

                // Replacing the source (not changing it) makes the configuration rebuild its provider from it.
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = true,
                    ReloadDelay = json.ReloadDelay,
                    FileProvider = polling,
                };
            }
        }

        // Files added later default to the polling provider too. The replaced ones had already started watching the
        // content root for the old sources; nothing else uses them (the host's content root provider is its own).
        configuration.SetFileProvider(polling);
        foreach (var provider in replaced.OfType<IDisposable>())
        {
            provider.Dispose();
        }
    }
}
