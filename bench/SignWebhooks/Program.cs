using System.Globalization;
using System.Text;
using WhatsApp.Bench.SignWebhooks;
using WhatsApp.Infrastructure.Plivo.Signatures;

// Writes pre-signed inbound WhatsApp webhooks for the wrk script: one per line, "form body<TAB>nonce<TAB>signature".
// Every request has its own MessageUUID and nonce, so none is a duplicate or a replay.
var options = SignOptions.Parse(args);
var nonces = new NonceSequence();
var started = DateTime.UtcNow;
await using (var writer = new StreamWriter(options.OutputPath, append: false, new UTF8Encoding(false), 1 << 20))
{
    for (var i = 0; i < options.Count; i++)
    {
        var fields = InboundForm.Create(i, options.Contacts, options.To);
        var nonce = nonces.Next();
        var signature = PlivoSignatureV3.ComputeV3(options.Url, "POST", fields, nonce, options.AuthToken);
        await writer.WriteLineAsync($"{InboundForm.Encode(fields)}\t{nonce}\t{signature}");
    }
}

var seconds = (DateTime.UtcNow - started).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signed {options.Count} webhooks for {options.Url} in {seconds:F1} s"));
