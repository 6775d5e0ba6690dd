using Umbraco.Cms.Core.DependencyInjection;
using UmbracoPersonalization.Site;
using UmbracoPersonalization.Site.Hosting;
using UmbracoPersonalization.Site.Publishing;
using UmbracoPersonalization.Site.Seeding;

var builder = WebApplication.CreateBuilder(args);

// Umbraco.Cms.Core registers services whose dependencies live in Umbraco's infrastructure assemblies, which a
// site built on Core alone does not have: they are never resolved here, so validate scopes but not the whole graph.
builder.Host.UseDefaultServiceProvider(options =>
{
    options.ValidateScopes = builder.Environment.IsDevelopment();
    options.ValidateOnBuild = false;
});

builder.Services.AddSingleton(new ContentCatalog(Path.Combine(builder.Environment.ContentRootPath, "Content")));
builder.Services.AddControllersWithViews();

// As an Umbraco site's AddUmbraco() does: Umbraco's builder runs every composer, the package's among them.
builder.CreateUmbracoBuilder(typeof(Program).Assembly)
    .AddComposers()
    .Build();

builder.Services.AddSingleton<SiteConsent>();
builder.Services.AddHostedService<DefinitionSeeder>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStaticFiles();
app.UseRouting();
app.MapControllers();

app.Run();
