using Microsoft.Extensions.Configuration;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.DependencyInjection;

/// <summary>
/// Registers the package when Umbraco composes the site. Skip it with
/// <c>Umbraco:Personalization:ComposerEnabled = false</c> or Umbraco's <c>[Disable(typeof(PersonalizationComposer))]</c>,
/// then call <c>builder.AddPersonalization()</c> yourself.
/// </summary>
public sealed class PersonalizationComposer : IComposer
{
    /// <inheritdoc />
    public void Compose(IUmbracoBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = $"{PersonalizationSettings.SectionName}:{nameof(PersonalizationSettings.ComposerEnabled)}";
        if (builder.Config.GetValue(key, defaultValue: true))
        {
            builder.AddPersonalization();
        }
    }
}
