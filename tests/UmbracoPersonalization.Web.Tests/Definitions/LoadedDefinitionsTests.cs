using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Definitions;

namespace UmbracoPersonalization.Web.Tests.Definitions;

public sealed class LoadedDefinitionsTests
{
    [Fact]
    public void GetDefaultVariant_KeyDifferingOnlyInCase_IsFound_AsTheCompilerAcceptsIt()
    {
        var loaded = new LoadedDefinitions();
        loaded.Set(new DefinitionSet(
            [],
            [new ExperienceDefinition("home-hero", "Home hero", [new VariantDefinition("default", "Default", VariantKind.Text, "Welcome")], [], "Default")]));

        Assert.Equal("Welcome", loaded.GetDefaultVariant("HOME-HERO")?.Content);
        Assert.Null(loaded.GetDefaultVariant("other"));
    }
}
