using UmbracoPersonalization.Core.Definitions;

namespace UmbracoPersonalization.Web.Definitions;

/// <summary>Receives every newly loaded definition set (e.g. to compile it into the deciding snapshot).</summary>
public interface IDefinitionSetConsumer
{
    /// <summary>Applies <paramref name="set"/>; throwing keeps the previous snapshot everywhere.</summary>
    void Apply(DefinitionSet set);
}
