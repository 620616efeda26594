using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Tests.Architecture;

public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Message).Assembly;
    private static readonly Assembly Infrastructure = typeof(DispatchOptions).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;
    private const string Features = "WhatsApp.Api.Features";

    [Test]
    public void Domain_OuterLayersAndFrameworks_NotDependedOn()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore",
            "Microsoft.AspNetCore",
            "System.Net.Http",
            "WhatsApp.Infrastructure",
            "WhatsApp.Api",
            "FluentValidation",
            "Polly").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Infrastructure_ApiAndMvc_NotDependedOn()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot()
            .HaveDependencyOnAny("WhatsApp.Api", "Microsoft.AspNetCore.Mvc").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Infrastructure_EntityFrameworkCore_DependencyDetected()
    {
        // Guards the rules above: the checker must see a dependency that certainly exists.
        var result = Types.InAssembly(Infrastructure).Should().NotHaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();

        Assert.That(result.IsSuccessful, Is.False);
    }

    [Test]
    public void Domain_ReferencedAssemblies_OnlyFramework()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.That(references, Is.Not.Empty);
        Assert.That(
            references.Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n is not ("netstandard" or "mscorlib")),
            Is.Empty);
    }

    [Test]
    public void Controllers_All_LiveInAFeatureFolder()
    {
        var controllers = Types.InAssembly(Api).That().Inherit(typeof(ControllerBase)).GetTypes().ToList();

        Assert.That(controllers, Is.Not.Empty);
        Assert.That(controllers.Where(t => !IsFeature(t.Namespace)).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void Features_AllClasses_AreSealed()
    {
        var classes = Types.InAssembly(Api).That().ResideInNamespace(Features)
            .And().AreClasses().And().AreNotNested().GetTypes().ToList();
        var result = Types.InAssembly(Api).That().ResideInNamespace(Features)
            .And().AreClasses().And().AreNotNested().Should().BeSealed().GetResult();

        Assert.That(classes, Has.Some.Matches<Type>(t => t.IsAssignableTo(typeof(ControllerBase))));
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Features_OtherFeatures_NotDependedOn()
    {
        // What two features share lives outside Features/ (Validation/, Wire, Errors/, Auth/).
        var features = Api.GetTypes().Where(t => IsFeature(t.Namespace)).Select(t => FeatureOf(t.Namespace!)).Distinct().ToList();

        Assert.That(features, Has.Count.GreaterThan(5));
        Assert.Multiple(() =>
        {
            foreach (var feature in features)
            {
                var others = features.Where(f => f != feature).ToArray();
                var result = Types.InAssembly(Api).That().ResideInNamespaceMatching($"^{Regex.Escape(feature)}(\\.|$)")
                    .ShouldNot().HaveDependencyOnAny(others).GetResult();
                Assert.That(result.FailingTypeNames ?? [], Is.Empty, feature);
            }
        });
    }

    [Test]
    public void Domain_ConcreteTopLevelClasses_AreSealed()
    {
        var concrete = Domain.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsNested)
            .Where(t => t.Namespace?.StartsWith("WhatsApp.Domain", StringComparison.Ordinal) == true)
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .ToList();

        Assert.That(concrete, Is.Not.Empty);
        Assert.That(concrete.Where(t => !t.IsSealed).Select(t => t.FullName), Is.Empty);
    }

    private static bool IsFeature(string? ns) => ns?.StartsWith(Features + ".", StringComparison.Ordinal) == true;

    // WhatsApp.Api.Features.Messages.Interactive -> WhatsApp.Api.Features.Messages
    private static string FeatureOf(string ns) => string.Join('.', ns.Split('.').Take(4));
}
