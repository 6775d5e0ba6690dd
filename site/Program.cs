var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "UmbracoPersonalization demo site");
app.Run();
