using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace WhatsApp.Api.Validation;

/// <summary>
/// Makes FluentValidation report errors under their JSON names (<c>interactive.action.buttons[0].title</c>), not
/// their C# names. The names come from <see cref="JsonPropertyNameAttribute"/> when present
/// (<c>amount_1000</c>), otherwise from the snake_case naming policy the API uses on the wire.
/// </summary>
public static class ValidationSetup
{
    private static readonly Func<Type, MemberInfo, LambdaExpression, string?> Resolver = CachedName;

    // FluentValidation asks for a rule's display name every time the rule runs; the answer never changes for a rule.
    private static readonly ConditionalWeakTable<LambdaExpression, string?> ByExpression = [];
    private static readonly ConcurrentDictionary<(Type, MemberInfo?), string?> ByMember = new();

    /// <summary>Sets the global property and display name resolvers. Idempotent; call once at start-up.</summary>
    public static void Configure()
    {
        ValidatorOptions.Global.PropertyNameResolver = Resolver;
        ValidatorOptions.Global.DisplayNameResolver = Resolver;
    }

    private static string? CachedName(Type type, MemberInfo? member, LambdaExpression? expression) =>
        expression is null
            ? ByMember.GetOrAdd((type, member), key => ResolveName(key.Item1, key.Item2, null))
            : ByExpression.GetValue(expression, e => ResolveName(type, member, e));

    private static string? ResolveName(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        var segments = new Stack<string>();
        var node = Unwrap(expression?.Body);
        while (node is MemberExpression access)
        {
            segments.Push(JsonName(access.Member));
            node = Unwrap(access.Expression);
        }

        if (segments.Count > 0)
        {
            return string.Join('.', segments);
        }

        return member is null ? null : JsonName(member);
    }

    private static Expression? Unwrap(Expression? node) =>
        node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
            ? Unwrap(convert.Operand)
            : node;

    private static string JsonName(MemberInfo member) =>
        member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
}
