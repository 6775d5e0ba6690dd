using UmbracoPersonalization.Core.Definitions;
using Umbraco.Cms.Core.DependencyInjection;
using UmbracoPersonalization.Site.Hosting;
using UmbracoPersonalization.Site.Publishing;
using UmbracoPersonalization.Site.Seeding;
using UmbracoPersonalization.Site;

var builder = WebApplication.CreateBuilder(args);

// Umbraco.Cms.Core registers services whose dependencies live in Umbraco's infrastructure assemblies, which a
// site built on Core alone does not have: they are never resolved here, so validate scopes but not the whole graph.
builder.Host.UseDefaultServiceProvider(options =>
{
    options.ValidateScopes = builder.Environment.IsDevelopment();
    options.ValidateOnBuild = false;
});

var catalog = new ContentCatalog(Path.Combine(builder.Environment.ContentRootPath, "Content"));
builder.Services.AddSingleton(catalog);

// Before the composers: this filter must wrap the package's, so the page is known when its middleware runs.
builder.Services.AddTransient<IStartupFilter, ContentRoutingStartupFilter>();
builder.Services.AddControllersWithViews();

builder.CreateUmbracoBuilder(typeof(Program).Assembly)
    .AddComposers()
    .Build();

builder.Services.AddSingleton<SiteConsent>();
builder.Services.AddSingleton<SiteSegments>();
if (builder.Services.Any(d => d.ServiceType == typeof(IDefinitionStore)))
{
    builder.Services.AddHostedService<DefinitionSeeder>();
}

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStaticFiles();
app.UseRouting();
app.MapControllers();

app.Run();
