namespace WhatsApp.Tests.Functional.OpenApi;

/// <summary>The document's order, which every generated client's diff follows.</summary>
[TestFixture]
public sealed class OpenApiOrderTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Test]
    public async Task PathsAndTheirOperations_AreGroupedByTagInNameOrder()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);

        // Each path's operations by tag; a path shared by two controllers sits with the first of them by name.
        var paths = document.Root["paths"]!.AsObject().Select(p => p.Value!.AsObject()
            .Where(m => Methods.Contains(m.Key))
            .Select(m => (string)m.Value!["tags"]![0]!)
            .ToList()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(paths.Select(p => p.Min(StringComparer.Ordinal)), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(paths.Select(p => p.Min(StringComparer.Ordinal)).Distinct().Count(), Is.GreaterThan(5));
            Assert.That(paths.Where(p => p.Count > 1), Is.Not.Empty);
            foreach (var tags in paths)
            {
                Assert.That(tags, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            }
        });
    }
}
