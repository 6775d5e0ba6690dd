using Microsoft.AspNetCore.Mvc;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// Renders a call-to-action placement (text, link label and URL): <c>&lt;vc:call-to-action alias="home-cta" /&gt;</c>.
/// The default view is <c>Views/Shared/Components/CallToAction/Default.cshtml</c>; override it in the site.
/// </summary>
[ViewComponent(Name = "CallToAction")]
public sealed class CallToActionViewComponent : ViewComponent
{
    private readonly PlacementRenderer _renderer;

    /// <summary>Creates the view component.</summary>
    public CallToActionViewComponent(PlacementRenderer renderer) => _renderer = renderer;

    /// <summary>Renders the call-to-action placement <paramref name="alias"/>.</summary>
    public IViewComponentResult Invoke(string alias) => View(_renderer.Render(alias));
}
