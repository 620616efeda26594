using System.Text.Json.Nodes;

namespace WhatsApp.Tests.Functional.OpenApi;

[TestFixture]
public sealed class OpenApiExampleTests
{
    [Test]
    public async Task EveryExampleInTheDocument_ValidatesAgainstItsOwnSchema()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);

        var checkedExamples = new List<string>();
        var failures = new List<string>();
        foreach (var (pointer, media) in document.MediaTypes())
        {
            var examples = new List<(string Name, JsonNode? Value)>();
            if (media.ContainsKey("example"))
            {
                examples.Add(("example", media["example"]));
            }

            foreach (var (name, example) in media["examples"]?.AsObject() ?? [])
            {
                examples.Add((name, example!["value"]));
            }

            foreach (var (name, value) in examples)
            {
                checkedExamples.Add($"{pointer} {name}");
                failures.AddRange(document.Errors(pointer + "/schema", value).Select(e => $"{pointer} {name}: {e}"));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);

            // Seven message types on the send, and an error example on every problem response (at least one per status).
            Assert.That(checkedExamples.Count(e => e.Contains("/paths/~1api~1messages/post/requestBody", StringComparison.Ordinal)), Is.EqualTo(7));
            foreach (var status in new[] { 400, 401, 403, 404, 409, 413, 415, 422, 429, 503 })
            {
                Assert.That(checkedExamples, Has.Some.Contains($"/responses/{status}/content/application~1problem+json"), $"no {status} example");
            }
        });
    }
}
