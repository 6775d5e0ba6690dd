using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;

namespace UmbracoPersonalization.Web.Definitions;

/// <summary>Compiles each loaded definition set into the core's deciding snapshot (invalid sets throw and are not installed).</summary>
internal sealed class SnapshotHolderConsumer(DefinitionSnapshotHolder holder) : IDefinitionSetConsumer
{
    public void Apply(DefinitionSet set) => holder.Update(set);
}
