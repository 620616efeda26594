using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Tests.Architecture;

public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Message).Assembly;
    private static readonly Assembly Infrastructure = typeof(DispatchOptions).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

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
    public void Controllers_AllClasses_AreSealed()
    {
        var controllers = Types.InAssembly(Api).That().ResideInNamespace("WhatsApp.Api.Controllers")
            .And().AreClasses().And().AreNotNested().GetTypes().ToList();
        var result = Types.InAssembly(Api).That().ResideInNamespace("WhatsApp.Api.Controllers")
            .And().AreClasses().And().AreNotNested().Should().BeSealed().GetResult();

        Assert.That(controllers, Is.Not.Empty);
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
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
}
