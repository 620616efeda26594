namespace WhatsApp.Api.Errors;

/// <summary>
/// The query parameter names an action binds. A collection also binds by index (<c>status[0]=sent</c>), so that
/// spelling of its name is known too; repeated keys (<c>status=a&amp;status=b</c>) are one key already.
/// </summary>
internal sealed class KnownNames
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _collections = [];

    public void Add(string name, bool isCollection)
    {
        _names.Add(name);
        if (isCollection)
        {
            _collections.Add(name + "[");
        }
    }

    public bool Contains(string key) =>
        _names.Contains(key)
        || _collections.Exists(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(']'));
}
