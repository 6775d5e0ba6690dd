using Microsoft.AspNetCore.Mvc;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// Renders the variant decided for a placement: <c>&lt;vc:personalized-placement alias="home-hero" /&gt;</c>.
/// The default view is <c>Views/Shared/Components/PersonalizedPlacement/Default.cshtml</c>; override it in the site.
/// </summary>
[ViewComponent(Name = "PersonalizedPlacement")]
public sealed class PersonalizedPlacementViewComponent : ViewComponent
{
    private readonly PlacementRenderer _renderer;

    /// <summary>Creates the view component.</summary>
    public PersonalizedPlacementViewComponent(PlacementRenderer renderer) => _renderer = renderer;

    /// <summary>Renders the placement <paramref name="alias"/>.</summary>
    public IViewComponentResult Invoke(string alias) => View(_renderer.Render(alias));
}
