namespace WhatsApp.Tests.Unit.Container;

/// <summary>Files of the repository this test run was built from (found by walking up to <c>WhatsApp.sln</c>).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The file's lines without comments (whole-line or trailing <c># …</c>) and without blank lines.</summary>
    public static IReadOnlyList<string> MeaningfulLines(string relativePath) =>
        File.ReadAllLines(Path.Combine(Root, relativePath))
            .Select(l => l.TrimStart().StartsWith('#') ? string.Empty : l)
            .Where(l => l.Trim().Length > 0)
            .ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WhatsApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WhatsApp.sln not found above " + AppContext.BaseDirectory);
    }
}
