using System.Text;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Content;

/// <summary>Message bodies of very different lengths: mostly a sentence or two, sometimes a long complaint.</summary>
internal sealed class BodyComposer(Random random)
{
    private const int MaxBodyLength = 4096;
    private const string OrderPlaceholder = "{order}";

    private readonly StringBuilder _builder = new(MaxBodyLength);

    public string Compose(Language language, bool fromCustomer, string order)
    {
        if (fromCustomer && random.NextDouble() < 0.03)
        {
            return Phrases.EmojiOnly[random.Next(Phrases.EmojiOnly.Length)];
        }

        var phrases = (fromCustomer ? Phrases.Customer : Phrases.Agent)[(int)language];
        var roll = random.NextDouble();
        var sentences = roll < 0.55 ? 1 : roll < 0.80 ? 2 : roll < 0.90 ? 3 : roll < 0.98 ? random.Next(4, 9) : random.Next(15, 41);
        var separator = language == Language.Chinese ? string.Empty : " ";
        _builder.Clear();
        for (var i = 0; i < sentences; i++)
        {
            var phrase = phrases[random.Next(phrases.Length)];
            if (_builder.Length + phrase.Length + order.Length + 1 > MaxBodyLength - 16)
            {
                break;
            }

            if (i > 0)
            {
                _builder.Append(separator);
            }

            var placeholder = phrase.IndexOf(OrderPlaceholder, StringComparison.Ordinal);
            if (placeholder < 0)
            {
                _builder.Append(phrase);
            }
            else
            {
                _builder.Append(phrase, 0, placeholder).Append(order).Append(phrase, placeholder + OrderPlaceholder.Length,
                    phrase.Length - placeholder - OrderPlaceholder.Length);
            }
        }

        if (random.NextDouble() < 0.12)
        {
            _builder.Append(' ').Append(Phrases.Emoji[random.Next(Phrases.Emoji.Length)]);
        }

        return _builder.ToString();
    }
}
