using System.Globalization;

namespace WhatsApp.Api.Errors;

/// <summary>
/// The query parameter names an action binds. A collection binds repeated keys (<c>status=a&amp;status=b</c>, one key)
/// or, when its plain name is absent, indexes counted from 0 without a gap (<c>status[0]=a&amp;status[1]=b</c>); any
/// other bracket spelling (<c>status[]</c>, <c>status[1]</c> alone, <c>status[x]</c>) binds nothing, so it is unknown.
/// </summary>
internal sealed class KnownNames
{
    // Model binding's default cap on a collection's size.
    private const int MaxIndexes = 1024;

    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _collections = [];

    public void Add(string name, bool isCollection)
    {
        _names.Add(name);
        if (isCollection)
        {
            _collections.Add(name);
        }
    }

    /// <summary>The keys of <paramref name="query"/> that bind nothing, in order; null when every key binds.</summary>
    public List<string>? Unknown(IQueryCollection query)
    {
        List<string>? unknown = null;
        int[]? bound = null;
        foreach (var key in query.Keys)
        {
            if (!_names.Contains(key) && !IsBoundIndex(key, query, ref bound))
            {
                (unknown ??= []).Add(key);
            }
        }

        return unknown;
    }

    // bound[i]: how many indexes collection i binds in this query, counted when first needed (-1 until then).
    private bool IsBoundIndex(string key, IQueryCollection query, ref int[]? bound)
    {
        for (var i = 0; i < _collections.Count; i++)
        {
            if (TryParseIndex(key, _collections[i], out var index))
            {
                bound ??= Enumerable.Repeat(-1, _collections.Count).ToArray();
                if (bound[i] < 0)
                {
                    bound[i] = query.ContainsKey(_collections[i]) ? 0 : CountIndexes(query, _collections[i]);
                }

                return index < bound[i];
            }
        }

        return false;
    }

    private static int CountIndexes(IQueryCollection query, string name)
    {
        var count = 0;
        while (count < MaxIndexes && query.ContainsKey(string.Create(CultureInfo.InvariantCulture, $"{name}[{count}]")))
        {
            count++;
        }

        return count;
    }

    // name[N], N written as the binder looks it up: decimal digits, no leading zero.
    private static bool TryParseIndex(string key, string name, out int index)
    {
        index = -1;
        if (key.Length < name.Length + 3 || key[name.Length] != '[' || key[^1] != ']'
            || !key.StartsWith(name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = key.AsSpan(name.Length + 1, key.Length - name.Length - 2);
        return (digits.Length == 1 || digits[0] != '0')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
